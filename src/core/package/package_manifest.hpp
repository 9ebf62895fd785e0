#pragma once
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/ids.hpp"

namespace shido::core::package {

// The submission package (提出パッケージ): one ZIP per engagement for the secretariat, with
// every document of the close and a manifest (目録). What belongs in it is content data
// (content/package/<id>.json); the documents come from their own domains.

// One document the package should hold, as the content file names it.
struct PartSpec {
    std::string key;        // basic_policy, rules_check, action_plan, diagnosis_summary, …
    std::string label;      // 情報セキュリティ基本方針
    std::string file_name;  // the name inside the package folder, Japanese
};

// The manifest's column headers and fixed words, from content.
struct ManifestLabels {
    std::vector<std::string>
        columns;  // 文書, ファイル名, 状態, 版, 承認者, 承認日時, サイズ, SHA-256
    std::string present;  // 収録
    std::string missing;  // 不足
};

struct PackageSpec {
    std::string id;
    std::string title;                // 提出パッケージ
    std::string folder_pattern;       // holds {company_name}
    std::string manifest_name;        // 目録 (the .csv and .json take it)
    std::string not_provided_reason;  // a part no domain makes yet
    ManifestLabels labels;
    std::vector<PartSpec> parts;
};

// The part keys shido knows; a content file naming another one is refused at load.
inline constexpr std::string_view known_part_keys[] = {"basic_policy",     "rules_check",
                                                       "action_plan",      "diagnosis_summary",
                                                       "diagnosis_report", "final_report"};
bool is_known_part_key(std::string_view key);

// One line of the manifest: a file in the package, or a part that is missing and why.
struct ManifestEntry {
    std::string key;
    std::string label;
    std::string file_name;  // inside the folder
    bool present = false;
    int version = 0;
    std::optional<std::string> approved_by;
    std::optional<Timestamp> approved_at;
    std::string sha256;  // lowercase hex of the file's bytes
    std::size_t size = 0;
    std::string missing_reason;
};

struct Manifest {
    std::string company_name;
    std::string folder_name;  // the ZIP's single top folder, Windows-safe
    Timestamp generated_at = 0;
    std::vector<ManifestEntry> entries;  // in the content file's order
};

// A name Windows Explorer and every unzip accept: the characters Windows forbids in names
// (/ \ : * ? " < > |) and control characters become "_", trailing dots and spaces go,
// device names (CON, NUL, COM1…) get a "_" in front, and long names are cut at a character
// boundary (at most 120 bytes). Empty gives "_".
std::string safe_file_name(std::string_view name);

// The package folder for one company, from the content's pattern.
std::string folder_name(const PackageSpec& spec, std::string_view company_name);

// The entries whose document is not there.
std::vector<const ManifestEntry*> missing_entries(const Manifest& manifest);

// The Japanese message of a package asked for before its documents exist, naming each.
std::string incomplete_message(const std::vector<const ManifestEntry*>& missing);

}  // namespace shido::core::package
