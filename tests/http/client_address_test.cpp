#include "http/client_address.hpp"

#include <gtest/gtest.h>

namespace shido::http {
namespace {

TEST(ForwardedClientAddress, IsTheEntryTheProxyWroteNotWhatTheClientSent) {
    EXPECT_EQ(forwarded_client_address("203.0.113.7"), "203.0.113.7");
    // nginx's $proxy_add_x_forwarded_for appends: the client chose "6.6.6.6", not its address.
    EXPECT_EQ(forwarded_client_address("6.6.6.6, 203.0.113.7"), "203.0.113.7");
    EXPECT_EQ(forwarded_client_address("6.6.6.6,203.0.113.7 "), "203.0.113.7");
    EXPECT_EQ(forwarded_client_address("2001:db8::1"), "2001:db8::1");
}

TEST(ForwardedClientAddress, IsNothingWhenTheEntryIsNoAddress) {
    EXPECT_EQ(forwarded_client_address(""), std::nullopt);
    EXPECT_EQ(forwarded_client_address("203.0.113.7, evil"), std::nullopt);
    EXPECT_EQ(forwarded_client_address("203.0.113.7,"), std::nullopt);
    EXPECT_EQ(forwarded_client_address("unknown"), std::nullopt);
}

}  // namespace
}  // namespace shido::http
