#include "http/content_encoding.hpp"

#include <cctype>
#include <string>

namespace shido::http {

namespace {

std::string_view trimmed(std::string_view text) {
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
    return text;
}

std::string lower(std::string_view text) {
    std::string out(text);
    for (char& ch : out) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    return out;
}

// "q=0", "q=0.0", "q=0.000" refuse a coding; anything else (or no q) accepts it.
bool refused(std::string_view params) {
    while (!params.empty()) {
        auto semicolon = params.find(';');
        auto param = trimmed(params.substr(0, semicolon));
        params = semicolon == std::string_view::npos ? "" : params.substr(semicolon + 1);
        if (param.size() < 2 || (param[0] != 'q' && param[0] != 'Q') || param[1] != '=') continue;
        auto value = param.substr(2);
        if (value.empty() || value[0] != '0') return false;
        for (char ch : value.substr(1))
            if (ch != '.' && ch != '0') return false;
        return true;
    }
    return false;
}

}  // namespace

AcceptedEncodings parse_accept_encoding(std::string_view header) {
    AcceptedEncodings accepted;
    while (!header.empty()) {
        auto comma = header.find(',');
        auto part = header.substr(0, comma);
        header = comma == std::string_view::npos ? "" : header.substr(comma + 1);
        auto semicolon = part.find(';');
        auto name = lower(trimmed(part.substr(0, semicolon)));
        bool ok = !refused(semicolon == std::string_view::npos ? "" : part.substr(semicolon + 1));
        if (name == "br") accepted.brotli = ok;
        if (name == "gzip" || name == "x-gzip") accepted.gzip = ok;
        if (name == "*") {
            accepted.brotli = accepted.brotli || ok;
            accepted.gzip = accepted.gzip || ok;
        }
    }
    return accepted;
}

Encoding choose_encoding(const AcceptedEncodings& accepted, bool have_brotli, bool have_gzip) {
    if (accepted.brotli && have_brotli) return Encoding::brotli;
    if (accepted.gzip && have_gzip) return Encoding::gzip;
    return Encoding::identity;
}

}  // namespace shido::http
