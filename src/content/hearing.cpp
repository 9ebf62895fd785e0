#include "content/hearing.hpp"

#include <set>

#include "content/json_file.hpp"

namespace shido::content {

namespace {

// 専門家限り notes are given only where the guide has something to say.
std::string optional_hint(const Reader& r) {
    return r.has("hint") ? r.text("hint") : std::string();
}

core::hearing::TemplateSection hearing_section_of(const nlohmann::json& node,
                                                  const std::string& where,
                                                  std::set<std::string>& keys) {
    Reader r(node, where);
    core::hearing::TemplateSection s{r.integer("no"), r.text("title"), optional_hint(r), {}};
    if (s.title.empty()) r.fail("title must not be empty");
    const auto& items = r.array("items");
    for (std::size_t i = 0; i < items.size(); ++i) {
        Reader ir(items[i], where + ".items[" + std::to_string(i) + "]");
        s.items.push_back({ir.text("key"), ir.text("label"), optional_hint(ir)});
        ir.finish();
        const auto& item = s.items.back();
        if (item.label.empty()) ir.fail("label must not be empty");
        // Keys start with the section's number ("5.3"); "x…" is kept for added items.
        if (item.key.rfind(std::to_string(s.no) + ".", 0) != 0)
            ir.fail("key must start with the section number and a dot");
        if (!keys.insert(item.key).second) ir.fail("duplicate key " + item.key);
    }
    if (s.items.empty() && !keys.insert(std::to_string(s.no)).second)
        r.fail("duplicate key " + std::to_string(s.no));
    r.finish();
    return s;
}

}  // namespace

core::hearing::HearingTemplate parse_hearing_template(const nlohmann::json& doc,
                                                      const std::string& source) {
    Reader r(doc, source);
    core::hearing::HearingTemplate t;
    t.id = r.text("id");
    t.version = r.integer("version");
    t.title = r.text("title");
    t.item_header = r.text("item_header");
    t.result_header = r.text("result_header");
    t.session = r.integer("session");
    t.review_at_session = r.integer("review_at_session");
    t.guidance = r.texts("guidance");
    if (t.version < 1) r.fail("version must be 1 or more");
    if (t.session < 1) r.fail("session must be 1 or more");
    if (t.review_at_session <= t.session) r.fail("review_at_session must come after session");
    const auto& sections = r.array("sections");
    std::set<std::string> keys;
    for (std::size_t i = 0; i < sections.size(); ++i) {
        auto where = source + ".sections[" + std::to_string(i) + "]";
        t.sections.push_back(hearing_section_of(sections[i], where, keys));
        if (t.sections.back().no != static_cast<int>(i) + 1)
            Reader(sections[i], where).fail("sections must be numbered 1, 2, ... in order");
    }
    if (t.sections.empty()) r.fail("sections must not be empty");
    r.finish();
    return t;
}

}  // namespace shido::content
