#pragma once
#include <string_view>

namespace shido::http {

enum class Encoding { identity, gzip, brotli };

// What the client's Accept-Encoding allows: "br", "gzip" or both, each possibly with a q value
// ("gzip;q=0" refuses it). Unknown or malformed parts are ignored, as RFC 9110 asks.
struct AcceptedEncodings {
    bool brotli = false;
    bool gzip = false;
};
AcceptedEncodings parse_accept_encoding(std::string_view header);

// The smallest precompressed form the client accepts and the build produced.
Encoding choose_encoding(const AcceptedEncodings& accepted, bool have_brotli, bool have_gzip);

}  // namespace shido::http
