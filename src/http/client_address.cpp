#include "http/client_address.hpp"

#include <asio/ip/address.hpp>

namespace shido::http {

std::optional<std::string> forwarded_client_address(std::string_view x_forwarded_for) {
    auto comma = x_forwarded_for.rfind(',');
    auto last =
        comma == std::string_view::npos ? x_forwarded_for : x_forwarded_for.substr(comma + 1);
    while (!last.empty() && (last.front() == ' ' || last.front() == '\t')) last.remove_prefix(1);
    while (!last.empty() && (last.back() == ' ' || last.back() == '\t')) last.remove_suffix(1);
    asio::error_code error;
    auto address = asio::ip::make_address(std::string(last), error);
    if (error) return std::nullopt;
    return address.to_string();
}

}  // namespace shido::http
