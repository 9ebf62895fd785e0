#pragma once
#include <optional>
#include <string>
#include <string_view>

namespace shido::http {

// The client's address as the proxy in front of us saw it (--trust-proxy): the LAST entry of
// X-Forwarded-For, the one that proxy wrote. Earlier entries come from the client itself and
// would let anybody choose the address that login throttling and the audit log see. Nothing
// when that entry is not an IP address.
std::optional<std::string> forwarded_client_address(std::string_view x_forwarded_for);

}  // namespace shido::http
