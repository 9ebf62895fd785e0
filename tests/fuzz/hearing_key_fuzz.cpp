// The key of an added hearing item comes from the URL path ({item_no}: "x12"). Whatever the
// bytes, the parser gives a positive id or nothing, and an id it gives prints back as the key.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/hearing/hearing_sheet.hpp"
#include "fuzz_check.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string_view key(reinterpret_cast<const char*>(data), size);
    auto id = shido::core::hearing::parse_added_item_key(key);
    if (id) {
        FUZZ_CHECK(*id > 0);
        FUZZ_CHECK(shido::core::hearing::added_item_key(*id) == key);
    }
    return 0;
}
