#include <algorithm>

#include "core/action_plan/plan_sheet.hpp"

namespace shido::core::action_plan {

namespace {

std::size_t plan_cell(PlanColumn column) {
    return static_cast<std::size_t>(static_cast<int>(column) - 1);
}

std::size_t area_rank(const PlanSheetForm& form, const std::string& key) {
    for (std::size_t i = 0; i < form.areas.size(); ++i)
        if (form.areas[i].key == key) return i;
    return form.areas.size();
}

std::size_t progress_index(Progress value) {
    for (std::size_t i = 0; i < progress_values.size(); ++i)
        if (progress_values[i] == value) return i;
    return 0;
}

}  // namespace

std::string area_label(const PlanSheetForm& form, const std::string& area_key) {
    for (const auto& area : form.areas)
        if (area.key == area_key) return area.label;
    return area_key;
}

PlanSheetRow sheet_row_of(const Measure& m, const PlanSheetForm& form,
                          const std::string& sources_text) {
    PlanSheetRow row;
    auto set = [&row](PlanColumn column, std::string text) {
        row[plan_cell(column)] = std::move(text);
    };
    if (m.id != 0) set(PlanColumn::id, std::to_string(m.id));
    set(PlanColumn::area, area_label(form, m.area_key));
    set(PlanColumn::situation, m.situation);
    set(PlanColumn::action, m.action);
    if (m.business_linked) set(PlanColumn::business_linked, form.check_mark);
    if (m.urgency) set(PlanColumn::urgency, std::string(diagnosis::label_ja(*m.urgency)));
    if (m.importance) set(PlanColumn::importance, std::string(diagnosis::label_ja(*m.importance)));
    if (m.difficulty) set(PlanColumn::difficulty, std::string(diagnosis::label_ja(*m.difficulty)));
    if (m.feasibility)
        set(PlanColumn::feasibility,
            form.feasibility_labels[*m.feasibility == Feasibility::feasible ? 0 : 1]);
    set(PlanColumn::deadline, m.deadline.value_or(""));
    set(PlanColumn::concerns, m.concerns);
    set(PlanColumn::owner, m.owner);
    set(PlanColumn::progress, form.progress_labels[progress_index(m.progress)]);
    set(PlanColumn::sources, sources_text);
    return row;
}

std::vector<Measure> in_sheet_order(std::vector<Measure> measures, const PlanSheetForm& form) {
    std::stable_sort(measures.begin(), measures.end(), [&form](const Measure& a, const Measure& b) {
        auto ra = area_rank(form, a.area_key), rb = area_rank(form, b.area_key);
        if (ra != rb) return ra < rb;
        return a.position < b.position;
    });
    return measures;
}

std::vector<std::string> level_choices() {
    using diagnosis::Level;
    std::vector<std::string> out;
    for (auto level : {Level::high, Level::medium, Level::low})
        out.emplace_back(diagnosis::label_ja(level));
    return out;
}

std::vector<std::string> difficulty_choices() {
    using diagnosis::Difficulty;
    std::vector<std::string> out;
    for (auto d : {Difficulty::easy, Difficulty::medium, Difficulty::hard})
        out.emplace_back(diagnosis::label_ja(d));
    return out;
}

}  // namespace shido::core::action_plan
