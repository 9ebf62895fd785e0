#include "content/final_report.hpp"

#include "content/json_file.hpp"

namespace shido::content {

namespace {

core::final_report::SectionLabel final_report_section_of(const nlohmann::json& node,
                                                         const std::string& where,
                                                         core::final_report::Section expected) {
    Reader r(node, where);
    auto key = r.text("key");
    auto section = core::final_report::parse_section(key);
    if (!section || *section != expected)
        r.fail("key must be '" + std::string(core::final_report::key_of(expected)) +
               "' (the sections in their fixed order)");
    core::final_report::SectionLabel label{*section, r.text("heading"), 0,
                                           r.flag("required", false)};
    int max_chars = r.integer("max_chars");
    r.finish();
    if (label.heading.empty()) r.fail("heading must not be empty");
    if (max_chars < 1 || max_chars > 20000) r.fail("max_chars must be 1 to 20000");
    label.max_chars = static_cast<std::size_t>(max_chars);
    return label;
}

}  // namespace

core::final_report::Labels parse_final_report_labels(const nlohmann::json& doc,
                                                     const std::string& source) {
    Reader r(doc, source);
    core::final_report::Labels out;
    out.id = r.text("id");
    out.version = r.integer("version");
    out.title = r.text("title");
    const auto& sections = r.array("sections");
    if (sections.size() != core::final_report::sections.size())
        r.fail("sections must list the " + std::to_string(core::final_report::sections.size()) +
               " sections");
    for (std::size_t i = 0; i < sections.size(); ++i)
        out.sections.push_back(
            final_report_section_of(sections[i], source + ".sections[" + std::to_string(i) + "]",
                                    core::final_report::sections[i]));
    Reader pr(r.object("phrases"), source + ".phrases");
    for (const auto& key : core::final_report::phrase_keys()) {
        out.phrases[key] = pr.text(key.c_str());
        if (out.phrases[key].empty()) pr.fail(key + " must not be empty");
    }
    pr.finish();
    r.finish();
    if (out.version < 1) r.fail("version must be 1 or more");
    return out;
}

}  // namespace shido::content
