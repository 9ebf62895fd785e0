#include "services/text_encoding.hpp"

#include <iconv.h>

#include <cerrno>
#include <memory>

#include "core/error.hpp"
#include "core/validation.hpp"

namespace shido::services {

namespace {

[[noreturn]] void throw_unreadable() {
    throw core::DomainError(
        core::ErrorCode::validation,
        "ファイルの文字コードを読み取れません。UTF-8 または Shift_JIS の CSV を選んでください。");
}

std::string from_cp932(std::string_view bytes) {
    iconv_t cd = iconv_open("UTF-8", "CP932");
    if (cd == reinterpret_cast<iconv_t>(-1)) throw_unreadable();
    std::unique_ptr<void, int (*)(iconv_t)> guard(cd, iconv_close);
    std::string out(bytes.size() * 3 + 16, '\0');
    char* in_ptr = const_cast<char*>(bytes.data());
    std::size_t in_left = bytes.size();
    char* out_ptr = out.data();
    std::size_t out_left = out.size();
    if (iconv(cd, &in_ptr, &in_left, &out_ptr, &out_left) == static_cast<std::size_t>(-1))
        throw_unreadable();
    out.resize(out.size() - out_left);
    return out;
}

// Shift_JIS text has two-byte characters (a lead byte 81–9F or E0–FC and a trail byte);
// a file with none that is not valid UTF-8 is broken UTF-8, not Shift_JIS.
bool has_cp932_double_byte(std::string_view bytes) {
    for (std::size_t i = 0; i + 1 < bytes.size(); ++i) {
        auto lead = static_cast<unsigned char>(bytes[i]);
        auto trail = static_cast<unsigned char>(bytes[i + 1]);
        bool is_lead = (lead >= 0x81 && lead <= 0x9F) || (lead >= 0xE0 && lead <= 0xFC);
        bool is_trail = (trail >= 0x40 && trail <= 0x7E) || (trail >= 0x80 && trail <= 0xFC);
        if (is_lead && is_trail) return true;
        if (lead >= 0x80 && is_lead) ++i;  // skip the trail of a two-byte character
    }
    return false;
}

// The 1-based line of the first byte that makes the text invalid UTF-8.
int first_bad_utf8_line(std::string_view bytes) {
    int line = 1;
    std::size_t good = 0;
    for (std::size_t end = 1; end <= bytes.size(); ++end) {
        if (!core::is_valid_utf8(bytes.substr(good, end - good))) {
            // A character may need up to four bytes: only fail when none of them complete it.
            if (end - good >= 4 || end == bytes.size()) return line;
            continue;
        }
        for (std::size_t i = good; i < end; ++i)
            if (bytes[i] == '\n') ++line;
        good = end;
    }
    return line;
}

}  // namespace

std::string to_utf8(std::string_view bytes) {
    if (bytes.rfind("\xEF\xBB\xBF", 0) == 0) bytes.remove_prefix(3);
    if (core::is_valid_utf8(bytes)) return std::string(bytes);
    if (has_cp932_double_byte(bytes)) return from_cp932(bytes);
    int line = first_bad_utf8_line(bytes);
    throw core::DomainError(
        core::ErrorCode::validation,
        "ファイルに UTF-8 として正しくない文字があります（" + std::to_string(line) + "行目）。", {},
        {{line, "", "UTF-8 として正しくない文字があります。"}});
}

}  // namespace shido::services
