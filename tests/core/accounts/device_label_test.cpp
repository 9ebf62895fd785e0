#include "core/accounts/device_label.hpp"

#include <gtest/gtest.h>

namespace shido::core {
namespace {

TEST(DeviceLabel, CommonBrowsersAndSystems) {
    EXPECT_EQ(device_label("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, "
                           "like Gecko) Chrome/120.0.0.0 Safari/537.36"),
              "Chrome（Windows）");
    EXPECT_EQ(device_label("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, "
                           "like Gecko) Chrome/120.0.0.0 Safari/537.36 Edg/120.0.0.0"),
              "Edge（Windows）");
    EXPECT_EQ(
        device_label("Mozilla/5.0 (X11; Linux x86_64; rv:121.0) Gecko/20100101 Firefox/121.0"),
        "Firefox（Linux）");
    EXPECT_EQ(device_label("Mozilla/5.0 (Macintosh; Intel Mac OS X 14_2) AppleWebKit/605.1.15 "
                           "(KHTML, like Gecko) Version/17.2 Safari/605.1.15"),
              "Safari（macOS）");
    EXPECT_EQ(device_label("Mozilla/5.0 (iPhone; CPU iPhone OS 17_2 like Mac OS X) "
                           "AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.2 Mobile/15E148 "
                           "Safari/604.1"),
              "Safari（iPhone）");
    EXPECT_EQ(device_label("Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, "
                           "like Gecko) Chrome/120.0.0.0 Mobile Safari/537.36"),
              "Chrome（Android）");
}

TEST(DeviceLabel, UnknownClients) {
    EXPECT_EQ(device_label(""), "不明な端末");
    EXPECT_EQ(device_label("node"), "不明な端末");
    EXPECT_EQ(device_label("curl/8.5.0"), "不明な端末");
    EXPECT_EQ(device_label("SomeTool/1.0 (Windows)"), "Windows");
}

TEST(DeviceLabel, StoredUserAgentsArePrintableAsciiAndBounded) {
    EXPECT_EQ(clean_user_agent("Mozilla/5.0 (X11)"), "Mozilla/5.0 (X11)");
    EXPECT_EQ(clean_user_agent("a\r\nb\tc\x7f\xe3\x81\x82"), "abc");
    EXPECT_EQ(clean_user_agent(std::string(2000, 'x')).size(), 512u);
}

}  // namespace
}  // namespace shido::core
