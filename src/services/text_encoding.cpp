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

}  // namespace

std::string to_utf8(std::string_view bytes) {
    if (bytes.rfind("\xEF\xBB\xBF", 0) == 0) bytes.remove_prefix(3);
    if (core::is_valid_utf8(bytes)) return std::string(bytes);
    return from_cp932(bytes);
}

}  // namespace shido::services
