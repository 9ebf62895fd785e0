#include "content/package.hpp"

#include <set>

#include "content/json_file.hpp"

namespace shido::content {

core::package::PackageSpec parse_package_spec(const nlohmann::json& doc,
                                              const std::string& source) {
    Reader r(doc, source);
    core::package::PackageSpec spec;
    spec.id = r.text("id");
    spec.title = r.text("title");
    spec.folder_pattern = r.text("folder_pattern");
    if (spec.folder_pattern.find("{company_name}") == std::string::npos)
        r.fail("folder_pattern must hold {company_name}");
    spec.manifest_name = r.text("manifest_name");
    if (core::package::safe_file_name(spec.manifest_name) != spec.manifest_name)
        r.fail("manifest_name must be a Windows-safe file name");
    spec.not_provided_reason = r.text("not_provided_reason");
    Reader lr(r.object("labels"), source + ".labels");
    spec.labels = {lr.texts("columns"), lr.text("present"), lr.text("missing")};
    lr.finish();
    if (spec.labels.columns.size() != 9) r.fail("labels.columns must name the 9 manifest columns");
    const auto& parts = r.array("parts");
    std::set<std::string> keys, names;
    for (std::size_t i = 0; i < parts.size(); ++i) {
        Reader pr(parts[i], source + ".parts[" + std::to_string(i) + "]");
        spec.parts.push_back({pr.text("key"), pr.text("label"), pr.text("file_name")});
        pr.finish();
        const auto& part = spec.parts.back();
        if (!core::package::is_known_part_key(part.key))
            pr.fail("unknown part key '" + part.key + "'");
        if (!keys.insert(part.key).second) pr.fail("duplicate key '" + part.key + "'");
        if (core::package::safe_file_name(part.file_name) != part.file_name)
            pr.fail("file_name must be a Windows-safe file name");
        if (!names.insert(part.file_name).second) pr.fail("duplicate file_name");
    }
    if (spec.parts.empty()) r.fail("parts must not be empty");
    r.finish();
    return spec;
}

}  // namespace shido::content
