#include "content/curriculum.hpp"

#include "content/json_file.hpp"

namespace shido::content {

namespace {

CurriculumSession parse_session(const nlohmann::json& node, const std::string& where) {
    Reader r(node, where);
    CurriculumSession s;
    s.no = r.integer("no");
    s.title = r.text("title");
    s.theme = r.text("theme");
    s.expert_prepares = r.texts("expert_prepares");
    s.company_prepares = r.texts("company_prepares");
    s.agenda = r.texts("agenda");
    s.deliverables = r.texts("deliverables");
    const auto& weeks = r.array("prep_weeks");
    if (weeks.size() != 2 || !weeks[0].is_number_integer() || !weeks[1].is_number_integer())
        r.fail("'prep_weeks' must be [fewest, most] weeks of preparation");
    s.prep_weeks_min = weeks[0].get<int>();
    s.prep_weeks_max = weeks[1].get<int>();
    if (s.prep_weeks_min < 0 || s.prep_weeks_min > s.prep_weeks_max)
        r.fail("'prep_weeks' must be 0 <= fewest <= most");
    r.finish();
    return s;
}

}  // namespace

Curriculum parse_curriculum(const nlohmann::json& doc, const std::string& source) {
    Reader r(doc, source);
    Curriculum c;
    c.id = r.text("id");
    c.version = r.integer("version");
    c.title = r.text("title");
    {
        Reader g(r.object("guideline"), source + ".guideline");
        c.guideline_days = g.integer("days");
        c.guideline_label = g.text("label");
        if (c.guideline_days < 1) g.fail("'days' must be at least 1");
        g.finish();
    }
    const auto& sessions = r.array("sessions");
    for (std::size_t i = 0; i < sessions.size(); ++i) {
        c.sessions.push_back(
            parse_session(sessions[i], source + ".sessions[" + std::to_string(i) + "]"));
        if (c.sessions.back().no != static_cast<int>(i) + 1)
            r.fail("sessions must be numbered 1, 2, ... in order");
    }
    r.finish();
    if (c.sessions.empty()) r.fail("a course needs at least one session");
    return c;
}

}  // namespace shido::content
