#include "services/hearing/hearing_views.hpp"

#include "core/clock.hpp"
#include "services/json_helpers.hpp"

namespace shido::services {

namespace {

nlohmann::json hearing_time_json(const std::optional<core::Timestamp>& t) {
    return t ? nlohmann::json(core::format_iso8601(*t)) : nlohmann::json(nullptr);
}

nlohmann::json sheet_meta_json(const core::hearing::HearingTemplate& t) {
    return {{"id", t.id},
            {"version", t.version},
            {"title", t.title},
            {"item_header", t.item_header},
            {"result_header", t.result_header},
            {"session", t.session},
            {"review_at_session", t.review_at_session}};
}

}  // namespace

nlohmann::json to_json(const core::hearing::SheetItem& item, bool expert_hints) {
    const auto& e = item.entry;
    return {{"key", item.key},
            {"section_no", e.section_no},
            {"label", item.label},
            {"hint", expert_hints ? item.hint : ""},
            {"added", item.added},
            {"preparation", e.preparation},
            {"result", e.result},
            {"unclear", e.unclear},
            {"unclear_by_name", nullable(e.unclear_by_name)},
            {"unclear_at", hearing_time_json(e.unclear_at)},
            {"version", e.version},
            {"updated_by_name", nullable(e.updated_by_name)},
            {"updated_at", hearing_time_json(e.updated_at)}};
}

nlohmann::json hearing_status_json(const core::documents::DocumentStatus& s) {
    return {{"kind", core::documents::key_of(s.kind)},
            {"state", core::documents::key_of(s.state)},
            {"state_label", core::documents::label_of(s.state)},
            {"updated_at", hearing_time_json(s.updated_at)},
            {"submitted_at", hearing_time_json(s.submitted_at)}};
}

nlohmann::json to_json(const HearingView& view) {
    auto sections = nlohmann::json::array();
    for (const auto& s : view.sections) {
        auto items = nlohmann::json::array();
        for (const auto& i : s.items) items.push_back(to_json(i, view.expert_hints));
        sections.push_back({{"no", s.no},
                            {"title", s.title},
                            {"hint", view.expert_hints ? s.hint : ""},
                            {"items", std::move(items)}});
    }
    return {{"sheet", sheet_meta_json(*view.sheet)},
            {"guidance",
             view.expert_hints ? nlohmann::json(view.sheet->guidance) : nlohmann::json::array()},
            {"sections", std::move(sections)},
            {"status", hearing_status_json(view.status)},
            {"changed_since_submission", view.changed_since_submission}};
}

nlohmann::json to_json(const UnclearHearingItems& u) {
    auto items = nlohmann::json::array();
    for (std::size_t i = 0; i < u.items.size(); ++i) {
        auto j = to_json(u.items[i], false);
        j["section_title"] = u.section_titles[i];
        items.push_back(std::move(j));
    }
    return {{"session", u.sheet->session},
            {"review_at_session", u.sheet->review_at_session},
            {"items", std::move(items)}};
}

nlohmann::json to_json(const SubmittedHearing& s) {
    return {{"submitted_at", core::format_iso8601(s.submitted_at)},
            {"submitted_by_name", nullable(s.submitted_by_name)},
            {"changed_since_submission", s.changed_since_submission},
            {"sheet", s.snapshot.at("sheet")},
            {"sections", s.snapshot.at("sections")}};
}

nlohmann::json hearing_submitted_json(const core::hearing::HearingTemplate& sheet,
                                      const std::vector<core::hearing::SheetSection>& sections) {
    auto out_sections = nlohmann::json::array();
    for (const auto& s : sections) {
        auto items = nlohmann::json::array();
        for (const auto& i : s.items)
            items.push_back({{"key", i.key},
                             {"label", i.label},
                             {"added", i.added},
                             {"preparation", i.entry.preparation},
                             {"result", i.entry.result},
                             {"unclear", i.entry.unclear}});
        out_sections.push_back({{"no", s.no}, {"title", s.title}, {"items", std::move(items)}});
    }
    return {{"sheet", sheet_meta_json(sheet)}, {"sections", std::move(out_sections)}};
}

std::vector<core::hearing::HearingRow> hearing_rows_of(const nlohmann::json& snapshot) {
    std::vector<core::hearing::HearingRow> rows;
    for (const auto& s : snapshot.at("sections"))
        for (const auto& i : s.at("items"))
            rows.push_back({s.at("no").get<int>(), s.at("title").get<std::string>(),
                            i.at("key").get<std::string>(), i.at("label").get<std::string>(),
                            i.at("preparation").get<std::string>(),
                            i.at("result").get<std::string>(), i.at("unclear").get<bool>()});
    return rows;
}

nlohmann::json snapshot(const core::hearing::Entry& e) {
    return {{"item_key", nullable(e.item_key)},
            {"section_no", e.section_no},
            {"label", e.label},
            {"preparation", e.preparation},
            {"result", e.result},
            {"unclear", e.unclear},
            {"version", e.version}};
}

}  // namespace shido::services
