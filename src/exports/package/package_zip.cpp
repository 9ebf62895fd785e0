#include "exports/package/package_zip.hpp"

#include <stdexcept>

#include <nlohmann/json.hpp>

#include "core/clock.hpp"
#include "exports/cell_text.hpp"
#include "exports/office/zip_writer.hpp"

namespace shido::exports {

namespace {

using core::package::Manifest;
using core::package::ManifestEntry;

constexpr core::Timestamp package_japan_offset = 9 * 3600;

// 2026-12-01T19:30:00+09:00: the moment as people in Japan read it.
std::string package_japan_time(core::Timestamp t) {
    auto text = core::format_iso8601(t + package_japan_offset);
    if (!text.empty() && text.back() == 'Z') text.pop_back();
    return text + "+09:00";
}

std::string package_csv_cell(std::string text) {
    text = neutralise_cell(valid_utf8(text));
    std::string quoted = "\"";
    for (char ch : text) {
        if (ch == '"') quoted += '"';
        quoted += ch;
    }
    return quoted + "\"";
}

std::vector<std::string> package_csv_row(const ManifestEntry& e,
                                         const core::package::ManifestLabels& labels) {
    if (!e.present)
        return {e.label, e.file_name, labels.missing, "", "", "", "", "", e.missing_reason};
    return {e.label,
            e.file_name,
            labels.present,
            std::to_string(e.version),
            e.approved_by.value_or(""),
            e.approved_at ? package_japan_time(*e.approved_at) : "",
            std::to_string(e.size),
            e.sha256,
            ""};
}

void package_append_line(std::string& out, const std::vector<std::string>& cells) {
    for (std::size_t i = 0; i < cells.size(); ++i) {
        if (i) out += ',';
        out += package_csv_cell(cells[i]);
    }
    out += "\r\n";
}

}  // namespace

std::string write_manifest_csv(const Manifest& manifest,
                               const core::package::ManifestLabels& labels) {
    std::string out = "\xEF\xBB\xBF";
    package_append_line(out, labels.columns);
    for (const auto& entry : manifest.entries)
        package_append_line(out, package_csv_row(entry, labels));
    return out;
}

std::string write_manifest_json(const Manifest& manifest) {
    nlohmann::json entries = nlohmann::json::array();
    for (const auto& e : manifest.entries) {
        nlohmann::json entry{
            {"key", e.key}, {"label", e.label}, {"file_name", e.file_name}, {"present", e.present}};
        if (e.present) {
            entry["version"] = e.version;
            entry["approved_by"] = e.approved_by ? nlohmann::json(*e.approved_by) : nullptr;
            entry["approved_at"] =
                e.approved_at ? nlohmann::json(package_japan_time(*e.approved_at)) : nullptr;
            entry["size"] = e.size;
            entry["sha256"] = e.sha256;
        } else {
            entry["missing_reason"] = e.missing_reason;
        }
        entries.push_back(std::move(entry));
    }
    nlohmann::json doc{{"company_name", manifest.company_name},
                       {"folder_name", manifest.folder_name},
                       {"generated_at", package_japan_time(manifest.generated_at)},
                       {"entries", std::move(entries)}};
    return doc.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

std::string write_package_zip(const Manifest& manifest, const core::package::PackageSpec& spec,
                              const std::vector<std::string>& files) {
    if (files.size() != manifest.entries.size())
        throw std::logic_error("package: one file slot per manifest entry");
    const std::string folder = manifest.folder_name + "/";
    std::vector<office::ZipEntry> entries;
    entries.push_back(
        {folder + spec.manifest_name + ".csv", write_manifest_csv(manifest, spec.labels)});
    entries.push_back({folder + spec.manifest_name + ".json", write_manifest_json(manifest)});
    for (std::size_t i = 0; i < files.size(); ++i)
        if (manifest.entries[i].present)
            entries.push_back({folder + manifest.entries[i].file_name, files[i]});
    return office::write_zip(entries);
}

}  // namespace shido::exports
