#include "content/curriculum.hpp"

#include "content/json_file.hpp"
#include "core/course/confirmations.hpp"
#include "core/validation.hpp"

namespace shido::content {

namespace {

Timetable parse_timetable(const nlohmann::json& node, const std::string& where) {
    Reader r(node, where);
    Timetable t;
    t.start = r.text("start");
    if (!core::is_valid_time_of_day(t.start)) r.fail("'start' must be HH:MM");
    const auto& items = r.array("items");
    for (std::size_t i = 0; i < items.size(); ++i) {
        Reader item(items[i], where + ".items[" + std::to_string(i) + "]");
        TimetableItem entry;
        entry.minutes = item.integer("minutes");
        entry.title = item.text("title");
        if (item.has("points")) entry.points = item.text("points");  // a break has none
        if (entry.minutes < 1 || entry.minutes > 480) item.fail("'minutes' must be 1 to 480");
        item.finish();
        t.items.push_back(std::move(entry));
    }
    if (t.items.empty()) r.fail("a timetable needs at least one item");
    r.finish();
    return t;
}

std::vector<SessionDocument> parse_session_documents(const nlohmann::json& list,
                                                     const std::string& where) {
    std::vector<SessionDocument> documents;
    for (std::size_t i = 0; i < list.size(); ++i) {
        Reader d(list[i], where + "[" + std::to_string(i) + "]");
        auto key = d.text("kind");
        auto kind = core::documents::parse_document_kind(key);
        if (!kind) d.fail("unknown document kind '" + key + "'");
        SessionDocument doc{*kind, d.flag("review", false)};
        for (const auto& earlier : documents)
            if (earlier.kind == doc.kind) d.fail("document '" + key + "' listed twice");
        d.finish();
        documents.push_back(doc);
    }
    return documents;
}

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
    s.tools = r.texts("tools");
    if (r.has("timetable"))
        s.timetable = parse_timetable(r.object("timetable"), r.path("timetable"));
    if (r.has("documents"))
        s.documents = parse_session_documents(r.array("documents"), r.path("documents"));
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
    const auto& kinds = r.array("participant_kinds");
    for (std::size_t i = 0; i < kinds.size(); ++i) {
        Reader k(kinds[i], source + ".participant_kinds[" + std::to_string(i) + "]");
        auto key = k.text("key");
        if (!core::parse_participant_kind(key)) k.fail("unknown participant kind '" + key + "'");
        c.participant_kinds.emplace_back(key, k.text("label"));
        k.finish();
    }
    if (c.participant_kinds.size() != std::size(core::all_participant_kinds))
        r.fail("'participant_kinds' must label every kind once");
    {
        Reader h(r.object("information_handling"), source + ".information_handling");
        c.information_handling_version = h.integer("version");
        c.information_handling = h.texts("points");
        if (c.information_handling.empty()) h.fail("'points' must not be empty");
        h.finish();
    }
    r.finish();
    if (c.sessions.empty()) r.fail("a course needs at least one session");
    return c;
}

}  // namespace shido::content
