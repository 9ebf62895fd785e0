#include "services/text_encoding.hpp"

#include <gtest/gtest.h>

#include "core/error.hpp"

namespace shido::services {
namespace {

TEST(TextEncoding, Utf8AndShiftJisAreRead) {
    EXPECT_EQ(to_utf8("\xEF\xBB\xBF"
                      "役割"),
              "役割");
    EXPECT_EQ(to_utf8("\x96\xF0\x8A\x84"), "役割");  // Shift_JIS
}

TEST(TextEncoding, BrokenUtf8IsRefusedWithItsLine) {
    try {
        to_utf8("role,name\nstaff,\xC0\xAF\n");
        FAIL() << "no error";
    } catch (const core::DomainError& e) {
        EXPECT_EQ(e.code(), core::ErrorCode::validation);
        ASSERT_EQ(e.details().size(), 1u);
        EXPECT_EQ(e.details()[0].row, 2);
    }
}

}  // namespace
}  // namespace shido::services
