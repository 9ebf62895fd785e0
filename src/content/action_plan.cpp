#include "content/action_plan.hpp"

#include <set>

#include "content/json_file.hpp"

namespace shido::content {

namespace {

std::vector<PlanChoice> plan_choices_of(const Reader& r, const char* key,
                                        const std::vector<std::string>& expected_keys,
                                        const std::string& where) {
    const auto& list = r.array(key);
    std::vector<PlanChoice> out;
    for (std::size_t i = 0; i < list.size(); ++i) {
        Reader cr(list[i], where + "." + key + "[" + std::to_string(i) + "]");
        out.push_back({cr.text("key"), cr.text("label")});
        cr.finish();
        if (i >= expected_keys.size() || out.back().key != expected_keys[i])
            cr.fail(std::string(key) + " must be the keys of the code in their order");
    }
    if (out.size() != expected_keys.size())
        r.fail(std::string(key) + " must have " + std::to_string(expected_keys.size()) +
               " choices");
    return out;
}

std::vector<int> plan_numbers_of(const Reader& r, const char* key) {
    std::vector<int> out;
    for (const auto& no : r.array(key)) {
        if (!no.is_number_integer()) r.fail(std::string(key) + " must be integers");
        out.push_back(no.get<int>());
    }
    return out;
}

PlanColumns plan_columns_of(const Reader& r, const std::string& where) {
    Reader cr(r.object("columns"), where + ".columns");
    PlanColumns c{cr.text("id"),
                  cr.text("area"),
                  cr.text("situation"),
                  cr.text("action"),
                  cr.text("business_linked"),
                  cr.text("urgency"),
                  cr.text("importance"),
                  cr.text("difficulty"),
                  cr.text("narrowing"),
                  cr.text("feasibility"),
                  cr.text("deadline"),
                  cr.text("concerns"),
                  cr.text("owner"),
                  cr.text("progress"),
                  cr.text("sources")};
    cr.finish();
    return c;
}

// Each number 1..count in exactly one area: a missing one would leave a finding without an
// area, a doubled one would make the area depend on the order of the file.
void plan_check_mapping(const Reader& r, const std::map<int, std::string>& mapped, int count,
                        const char* what) {
    for (int no = 1; no <= count; ++no)
        if (!mapped.count(no))
            r.fail(std::string(what) + " " + std::to_string(no) + " is in no area");
}

PlanSheetNotes plan_sheet_notes_of(const Reader& r, const std::string& where) {
    Reader nr(r.object("sheet_notes"), where + ".sheet_notes");
    PlanSheetNotes notes{nr.text("id_note"), nr.text("far_deadline_note"), nr.text("check_mark")};
    nr.finish();
    return notes;
}

}  // namespace

const PlanArea* ActionPlanContent::area(const std::string& key) const {
    for (const auto& a : areas)
        if (a.key == key) return &a;
    return nullptr;
}

ActionPlanContent parse_action_plan(const nlohmann::json& doc, const std::string& source,
                                    const core::diagnosis::Instrument& instrument,
                                    const Regulations& regulations) {
    using namespace core::action_plan;
    Reader r(doc, source);
    ActionPlanContent out;
    out.id = r.text("id");
    out.version = r.integer("version");
    out.title = r.text("title");
    out.sheet_name = r.text("sheet_name");
    out.session_no = r.integer("session_no");
    auto diagnosis_id = r.text("diagnosis_id");
    auto regulations_id = r.text("regulations_id");
    out.rules.horizon_months = r.integer("horizon_months");
    out.horizon_note = r.text("horizon_note");
    out.columns = plan_columns_of(r, source);
    out.sheet_notes = plan_sheet_notes_of(r, source);
    out.instructions_title = r.text("instructions_title");
    out.instructions = r.texts("instructions");
    out.feasibility = plan_choices_of(r, "feasibility",
                                      {std::string(key_of(Feasibility::feasible)),
                                       std::string(key_of(Feasibility::not_feasible))},
                                      source);
    std::vector<std::string> progress_keys;
    for (auto p : progress_values) progress_keys.emplace_back(key_of(p));
    out.progress = plan_choices_of(r, "progress", progress_keys, source);
    const auto& areas = r.array("areas");
    std::set<std::string> area_keys;
    for (std::size_t i = 0; i < areas.size(); ++i) {
        Reader ar(areas[i], source + ".areas[" + std::to_string(i) + "]");
        PlanArea area{ar.text("key"), ar.text("label"), plan_numbers_of(ar, "diagnosis_items"),
                      plan_numbers_of(ar, "rule_categories")};
        ar.finish();
        if (!area_keys.insert(area.key).second) ar.fail("duplicate area key " + area.key);
        for (int no : area.diagnosis_items)
            if (!out.rules.item_area.emplace(no, area.key).second)
                ar.fail("diagnosis item " + std::to_string(no) + " is in two areas");
        for (int no : area.rule_categories)
            if (!out.rules.category_area.emplace(no, area.key).second)
                ar.fail("rule category " + std::to_string(no) + " is in two areas");
        out.rules.area_keys.push_back(area.key);
        out.rules.area_labels.push_back(area.label);
        out.areas.push_back(std::move(area));
    }
    r.finish();
    if (out.areas.empty()) r.fail("areas must not be empty");
    if (out.rules.horizon_months < 1) r.fail("horizon_months must be 1 or more");
    if (diagnosis_id != instrument.id) r.fail("diagnosis_id must be " + instrument.id);
    if (regulations_id != regulations.id) r.fail("regulations_id must be " + regulations.id);
    const int items = static_cast<int>(instrument.items.size());
    const int categories = static_cast<int>(regulations.categories.size());
    for (const auto& [no, key] : out.rules.item_area)
        if (no < 1 || no > items) r.fail("diagnosis item " + std::to_string(no) + " is unknown");
    for (const auto& [no, key] : out.rules.category_area)
        if (no < 1 || no > categories)
            r.fail("rule category " + std::to_string(no) + " is unknown");
    plan_check_mapping(r, out.rules.item_area, items, "diagnosis item");
    plan_check_mapping(r, out.rules.category_area, categories, "rule category");
    out.rules.instrument_id = instrument.id;
    out.rules.regulations_id = regulations.id;
    const auto& cols = out.columns;
    out.rules.field_labels = {{"situation", cols.situation},
                              {"action", cols.action},
                              {"concerns", cols.concerns},
                              {"owner", cols.owner}};
    for (const auto& c : out.feasibility) out.rules.feasibility_labels.push_back(c.label);
    for (const auto& c : out.progress) out.rules.progress_labels.push_back(c.label);
    return out;
}

core::action_plan::PlanSheetForm sheet_form_of(const ActionPlanContent& content) {
    const auto& c = content.columns;
    core::action_plan::PlanSheetForm form;
    form.headers = {c.id,       c.area,       c.situation,  c.action,      c.business_linked,
                    c.urgency,  c.importance, c.difficulty, c.feasibility, c.deadline,
                    c.concerns, c.owner,      c.progress,   c.sources};
    form.narrowing_header = c.narrowing;
    for (const auto& area : content.areas) form.areas.push_back({area.key, area.label});
    for (std::size_t i = 0; i < form.feasibility_labels.size(); ++i)
        form.feasibility_labels[i] = content.feasibility.at(i).label;
    for (std::size_t i = 0; i < form.progress_labels.size(); ++i)
        form.progress_labels[i] = content.progress.at(i).label;
    form.check_mark = content.sheet_notes.check_mark;
    return form;
}

}  // namespace shido::content
