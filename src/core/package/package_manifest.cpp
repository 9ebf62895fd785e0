#include "core/package/package_manifest.hpp"

#include <algorithm>
#include <array>
#include <cctype>

namespace shido::core::package {

namespace {

constexpr std::size_t package_max_name_bytes = 120;

bool package_forbidden(unsigned char ch) {
    constexpr std::string_view forbidden = "/\\:*?\"<>|";
    return ch < 0x20 || ch == 0x7f ||
           forbidden.find(static_cast<char>(ch)) != std::string_view::npos;
}

// Windows refuses these as a name's stem whatever the extension (CON.txt too).
bool package_device_name(std::string_view name) {
    auto stem = name.substr(0, name.find('.'));
    std::string upper;
    for (char ch : stem) upper += static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
    constexpr std::array<std::string_view, 4> plain{"CON", "PRN", "AUX", "NUL"};
    if (std::find(plain.begin(), plain.end(), upper) != plain.end()) return true;
    return upper.size() == 4 && (upper.starts_with("COM") || upper.starts_with("LPT")) &&
           upper[3] >= '1' && upper[3] <= '9';
}

// Cuts at most `limit` bytes without splitting a UTF-8 sequence.
std::string package_cut(std::string text, std::size_t limit) {
    if (text.size() <= limit) return text;
    std::size_t end = limit;
    while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
    text.resize(end);
    return text;
}

}  // namespace

bool is_known_part_key(std::string_view key) {
    return std::find(std::begin(known_part_keys), std::end(known_part_keys), key) !=
           std::end(known_part_keys);
}

std::string safe_file_name(std::string_view name) {
    std::string out;
    out.reserve(name.size());
    for (char ch : name) out += package_forbidden(static_cast<unsigned char>(ch)) ? '_' : ch;
    out = package_cut(std::move(out), package_max_name_bytes);
    while (!out.empty() && (out.back() == '.' || out.back() == ' ')) out.pop_back();
    if (out.empty()) return "_";
    if (package_device_name(out)) out.insert(out.begin(), '_');
    return out;
}

std::string folder_name(const PackageSpec& spec, std::string_view company_name) {
    constexpr std::string_view placeholder = "{company_name}";
    std::string name = spec.folder_pattern;
    auto at = name.find(placeholder);
    if (at != std::string::npos) name.replace(at, placeholder.size(), company_name);
    return safe_file_name(name);
}

std::vector<const ManifestEntry*> missing_entries(const Manifest& manifest) {
    std::vector<const ManifestEntry*> missing;
    for (const auto& entry : manifest.entries)
        if (!entry.present) missing.push_back(&entry);
    return missing;
}

std::string incomplete_message(const std::vector<const ManifestEntry*>& missing) {
    std::string names;
    for (const auto* entry : missing) {
        if (!names.empty()) names += "、";
        names += "「" + entry->label + "」（" + entry->missing_reason + "）";
    }
    return "提出パッケージに必要な文書がそろっていません。次の文書がありません：" + names +
           "。そろってからダウンロードするか、不足分を除いてダウンロードしてください。";
}

}  // namespace shido::core::package
