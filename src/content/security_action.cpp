#include "content/security_action.hpp"

#include <set>

#include "content/json_file.hpp"

namespace shido::content {

namespace {

namespace sa = core::security_action;

sa::ConditionKind security_action_kind(const Reader& r, const std::string& key) {
    if (key == "self_assessment") return sa::ConditionKind::self_assessment;
    if (key == "policy_approved") return sa::ConditionKind::policy_approved;
    if (key == "policy_published") return sa::ConditionKind::policy_published;
    r.fail("unknown condition kind '" + key + "'");
}

}  // namespace

sa::SecurityActionSpec parse_security_action(const nlohmann::json& doc, const std::string& source) {
    Reader r(doc, source);
    sa::SecurityActionSpec spec;
    spec.id = r.text("id");
    spec.title = r.text("title");
    spec.notice = r.text("notice");
    spec.site_url = r.text("site_url");
    if (!spec.site_url.starts_with("https://")) r.fail("site_url must be an https URL");
    Reader one(r.object("one_star"), source + ".one_star");
    spec.one_star_title = one.text("title");
    spec.one_star_next_step = one.text("next_step");
    const auto& commitments = one.array("commitments");
    for (std::size_t i = 0; i < commitments.size(); ++i) {
        Reader cr(commitments[i], one.path("commitments") + "[" + std::to_string(i) + "]");
        spec.commitments.push_back({cr.text("title"), cr.text("explanation")});
        cr.finish();
    }
    if (spec.commitments.size() != 5) one.fail("commitments must be the five of 5か条");
    one.finish();
    Reader two(r.object("two_star"), source + ".two_star");
    spec.two_star_title = two.text("title");
    spec.two_star_next_step = two.text("next_step");
    const auto& conditions = two.array("conditions");
    std::set<sa::ConditionKind> kinds;
    for (std::size_t i = 0; i < conditions.size(); ++i) {
        Reader cr(conditions[i], two.path("conditions") + "[" + std::to_string(i) + "]");
        sa::ConditionSpec condition;
        condition.kind = security_action_kind(cr, cr.text("kind"));
        condition.label = cr.text("label");
        condition.done_text = cr.text("done_text");
        condition.next_step = cr.text("next_step");
        cr.finish();
        if (!kinds.insert(condition.kind).second) cr.fail("duplicate condition kind");
        spec.conditions.push_back(std::move(condition));
    }
    if (spec.conditions.empty()) two.fail("conditions must not be empty");
    two.finish();
    r.finish();
    return spec;
}

}  // namespace shido::content
