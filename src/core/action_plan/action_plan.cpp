#include "core/action_plan/action_plan.hpp"

#include <algorithm>
#include <initializer_list>
#include <set>
#include <tuple>

#include "core/calendar/civil_date.hpp"
#include "core/rules/rules_check.hpp"

namespace shido::core::action_plan {

namespace {

std::string plan_row_label(std::size_t index) {
    return std::to_string(index + 1) + "行目の";
}

template <typename Enum>
std::optional<Enum> plan_parse_choice(const std::optional<std::string>& key,
                                      std::initializer_list<Enum> values,
                                      std::string_view (*key_of_value)(Enum)) {
    if (!key) return std::nullopt;
    for (auto value : values)
        if (key_of_value(value) == *key) return value;
    return std::nullopt;
}

std::string_view plan_level_key(diagnosis::Level level) {
    return diagnosis::to_string(level);
}
std::string_view plan_difficulty_key(diagnosis::Difficulty d) {
    return diagnosis::to_string(d);
}
std::string_view plan_feasibility_key(Feasibility f) {
    return key_of(f);
}
std::string_view plan_progress_key(Progress p) {
    return key_of(p);
}

int plan_feasibility_rank(const std::optional<Feasibility>& f) {
    if (!f) return 1;
    return *f == Feasibility::feasible ? 0 : 2;
}
int plan_level_rank(const std::optional<diagnosis::Level>& level) {
    if (!level) return 3;
    return static_cast<int>(*level);  // high 0, medium 1, low 2
}
int plan_difficulty_rank(const std::optional<diagnosis::Difficulty>& d) {
    if (!d) return 2;
    return static_cast<int>(*d);  // easy 0, medium 1, hard 2
}

// N months after `date`, the day clamped to the month's end (2026-01-31 + 1 → 2026-02-28).
CivilDate plan_add_months(CivilDate date, int months) {
    int total = date.year * 12 + (date.month - 1) + months;
    CivilDate out{total / 12, total % 12 + 1, 1};
    CivilDate next_month{(total + 1) / 12, (total + 1) % 12 + 1, 1};
    long long month_days = days_between(out, next_month);
    out.day = static_cast<int>(std::min<long long>(date.day, month_days));
    return out;
}

std::string plan_level_choices() {
    using diagnosis::Level;
    std::string out;
    for (auto level : {Level::high, Level::medium, Level::low})
        out += "「" + std::string(diagnosis::label_ja(level)) + "」";
    return out;
}
std::string plan_difficulty_choices() {
    using diagnosis::Difficulty;
    std::string out;
    for (auto d : {Difficulty::easy, Difficulty::medium, Difficulty::hard})
        out += "「" + std::string(diagnosis::label_ja(d)) + "」";
    return out;
}

bool plan_has_source(const std::vector<Measure>& measures, SourceKind kind,
                     const std::string& key) {
    for (const auto& m : measures)
        for (const auto& s : m.sources)
            if (s.kind == kind && s.key == key) return true;
    return false;
}

std::string plan_level_text(const std::optional<diagnosis::Level>& v) {
    return v ? std::string(diagnosis::to_string(*v)) : "";
}
std::string plan_difficulty_text(const std::optional<diagnosis::Difficulty>& v) {
    return v ? std::string(diagnosis::to_string(*v)) : "";
}

// The fields of a row as text, in the order the form shows them: what the preview compares.
std::vector<std::pair<std::string, std::string>> plan_fields_of(const Measure& m) {
    return {{"position", std::to_string(m.position)},
            {"area_key", m.area_key},
            {"situation", m.situation},
            {"action", m.action},
            {"business_linked", m.business_linked ? "true" : "false"},
            {"urgency", plan_level_text(m.urgency)},
            {"importance", plan_level_text(m.importance)},
            {"difficulty", plan_difficulty_text(m.difficulty)},
            {"feasibility", m.feasibility ? std::string(key_of(*m.feasibility)) : ""},
            {"deadline", m.deadline.value_or("")},
            {"concerns", m.concerns},
            {"owner", m.owner},
            {"progress", std::string(key_of(m.progress))}};
}

}  // namespace

std::string measure_field(std::size_t index, std::string_view field) {
    return "measures[" + std::to_string(index) + "]." + std::string(field);
}

std::string choices_text(const std::vector<std::string>& labels) {
    std::string out;
    for (const auto& label : labels) out += "「" + label + "」";
    return out;
}

Measure parsed_measure(const MeasureInput& in, std::size_t index, const PlanRules& rules,
                       Validator& v) {
    using diagnosis::Difficulty;
    using diagnosis::Level;
    Measure m;
    m.id = in.id;
    m.position = static_cast<int>(index) + 1;
    m.area_key = in.area_key;
    m.situation = in.situation;
    m.action = in.action;
    m.business_linked = in.business_linked;
    m.concerns = in.concerns;
    m.owner = std::string(trim_spaces(in.owner));
    m.deadline = in.deadline;
    const auto row = plan_row_label(index);
    const std::initializer_list<Level> levels{Level::high, Level::medium, Level::low};
    m.urgency = plan_parse_choice(in.urgency, levels, plan_level_key);
    if (in.urgency && !m.urgency)
        v.fail(measure_field(index, "urgency"),
               row + "緊急度は" + plan_level_choices() + "から選んでください。");
    m.importance = plan_parse_choice(in.importance, levels, plan_level_key);
    if (in.importance && !m.importance)
        v.fail(measure_field(index, "importance"),
               row + "重要度は" + plan_level_choices() + "から選んでください。");
    m.difficulty =
        plan_parse_choice(in.difficulty, {Difficulty::easy, Difficulty::medium, Difficulty::hard},
                          plan_difficulty_key);
    if (in.difficulty && !m.difficulty)
        v.fail(measure_field(index, "difficulty"),
               row + "難易度は" + plan_difficulty_choices() + "から選んでください。");
    m.feasibility = plan_parse_choice(
        in.feasibility, {Feasibility::feasible, Feasibility::not_feasible}, plan_feasibility_key);
    if (in.feasibility && !m.feasibility)
        v.fail(
            measure_field(index, "feasibility"),
            row + "実施可否は" + choices_text(rules.feasibility_labels) + "から選んでください。");
    if (in.progress) {
        auto progress = plan_parse_choice(
            in.progress,
            {Progress::not_started, Progress::in_progress, Progress::done, Progress::dropped},
            plan_progress_key);
        if (progress)
            m.progress = *progress;
        else
            v.fail(measure_field(index, "progress"),
                   row + "進捗は" + choices_text(rules.progress_labels) + "から選んでください。");
    }
    return m;
}

PlanDates plan_dates(const std::vector<SessionPlan>& sessions, const std::string& opened_on) {
    std::optional<std::string> first, last;
    for (const auto& s : sessions) {
        const auto& day = s.held_on ? s.held_on : s.planned_date;
        if (!day) continue;
        if (!first || *day < *first) first = day;
        if (!last || *day > *last) last = day;
    }
    PlanDates dates;
    dates.start = first.value_or(opened_on);
    dates.reference = last.value_or(dates.start);
    return dates;
}

void validate_sheet(const std::vector<Measure>& measures, const PlanRules& rules,
                    const PlanDates& dates, Validator& v) {
    if (measures.size() > max_measures)
        v.fail("measures", "対策は" + std::to_string(max_measures) + "行までです。");
    std::set<Id> ids;
    for (std::size_t i = 0; i < measures.size(); ++i) {
        const auto& m = measures[i];
        const auto row = plan_row_label(i);
        if (m.id != 0 && !ids.insert(m.id).second)
            v.fail(measure_field(i, "id"), row + "管理番号が他の行と重なっています。");
        if (std::find(rules.area_keys.begin(), rules.area_keys.end(), m.area_key) ==
            rules.area_keys.end())
            v.fail(measure_field(i, "area_key"),
                   row + "改善分野は" + choices_text(rules.area_labels) + "から選んでください。");
        auto text = [&](const char* field, const std::string& value, std::size_t max,
                        bool paragraphs) {
            auto label = rules.field_labels.find(field);
            if (auto problem = text_problem(value, max, paragraphs))
                v.fail(measure_field(i, field),
                       row + (label == rules.field_labels.end() ? field : label->second) + "は" +
                           *problem);
        };
        text("situation", m.situation, max_measure_text_chars, true);
        text("action", m.action, max_measure_text_chars, true);
        text("concerns", m.concerns, max_measure_text_chars, true);
        text("owner", m.owner, max_measure_owner_chars, false);
        if (m.deadline) {
            if (!is_valid_date(*m.deadline))
                v.fail(measure_field(i, "deadline"),
                       row + "実施期限は YYYY-MM-DD 形式の日付で入力してください。");
            else if (*m.deadline < dates.start)
                v.fail(measure_field(i, "deadline"), row + "実施期限（" + *m.deadline +
                                                         "）が指導の開始日（" + dates.start +
                                                         "）より前です。");
        }
    }
}

std::vector<Measure> prioritised(std::vector<Measure> measures) {
    auto key = [](const Measure& m) {
        return std::make_tuple(plan_feasibility_rank(m.feasibility), plan_level_rank(m.urgency),
                               plan_level_rank(m.importance), plan_difficulty_rank(m.difficulty),
                               m.deadline ? 0 : 1, m.deadline.value_or(""), m.position);
    };
    std::stable_sort(measures.begin(), measures.end(),
                     [&](const Measure& a, const Measure& b) { return key(a) < key(b); });
    return measures;
}

bool beyond_horizon(const Measure& measure, const PlanDates& dates, int horizon_months) {
    if (!measure.deadline) return false;
    auto deadline = parse_civil_date(*measure.deadline);
    auto reference = parse_civil_date(dates.reference);
    if (!deadline || !reference) return false;
    return *deadline > plan_add_months(*reference, horizon_months);
}

std::vector<Measure> build_from(const std::vector<diagnosis::Finding>& findings,
                                const std::vector<RuleSource>& rule_rows, const PlanRules& rules,
                                const std::vector<Measure>& existing) {
    int position = 0;
    for (const auto& m : existing) position = std::max(position, m.position);
    std::vector<Measure> added;
    for (const auto& f : findings) {
        if (!f.key_area) continue;
        auto area = rules.item_area.find(f.item_no);
        if (area == rules.item_area.end()) continue;
        auto key = finding_source_key(rules.instrument_id, f.item_no);
        if (plan_has_source(existing, SourceKind::finding, key) ||
            plan_has_source(added, SourceKind::finding, key))
            continue;
        Measure m;
        m.position = ++position;
        m.area_key = area->second;
        m.situation = f.finding;
        m.urgency = f.urgency;
        m.importance = f.importance;
        m.difficulty = f.difficulty;
        m.sources.push_back({SourceKind::finding, key});
        added.push_back(std::move(m));
    }
    for (const auto& r : rule_rows) {
        if (!r.row.result || !rules::feeds_action_plan(*r.row.result)) continue;
        auto area = rules.category_area.find(r.row.category_no);
        if (area == rules.category_area.end()) continue;
        auto key = rules::category_key(rules.regulations_id, r.row.category_no);
        if (plan_has_source(existing, SourceKind::rule, key) ||
            plan_has_source(added, SourceKind::rule, key))
            continue;
        Measure m;
        m.position = ++position;
        m.area_key = area->second;
        m.situation = r.category_name + "：" + r.result_label;
        m.action = r.row.content;
        m.owner = r.row.assignee;
        m.deadline = r.row.due_date;
        m.sources.push_back({SourceKind::rule, key});
        added.push_back(std::move(m));
    }
    return added;
}

std::vector<Coverage> coverage_of(const std::vector<diagnosis::Finding>& findings,
                                  const std::vector<RuleSource>& rule_rows, const PlanRules& rules,
                                  const std::vector<Measure>& measures) {
    auto covering = [&measures](SourceKind kind, const std::string& key) {
        std::vector<Id> ids;
        for (const auto& m : measures)
            for (const auto& s : m.sources)
                if (s.kind == kind && s.key == key) ids.push_back(m.id);
        return ids;
    };
    std::vector<Coverage> out;
    for (const auto& f : findings) {
        if (!f.key_area) continue;
        auto key = finding_source_key(rules.instrument_id, f.item_no);
        out.push_back(
            {SourceKind::finding, key, f.item_no, f.finding, covering(SourceKind::finding, key)});
    }
    for (const auto& r : rule_rows) {
        if (!r.row.result || !rules::feeds_action_plan(*r.row.result)) continue;
        auto key = rules::category_key(rules.regulations_id, r.row.category_no);
        out.push_back({SourceKind::rule, key, r.row.category_no, r.category_name,
                       covering(SourceKind::rule, key)});
    }
    return out;
}

SheetChanges changes_between(const std::vector<Measure>& existing,
                             const std::vector<Measure>& incoming) {
    SheetChanges out;
    std::map<Id, const Measure*> before;
    for (const auto& m : existing) before[m.id] = &m;
    std::set<Id> kept;
    for (const auto& m : incoming) {
        auto old = m.id == 0 ? before.end() : before.find(m.id);
        if (old == before.end()) {
            out.added.push_back(m);
            continue;
        }
        kept.insert(m.id);
        RowChange change{m.id, {}};
        auto a = plan_fields_of(*old->second);
        auto b = plan_fields_of(m);
        for (std::size_t i = 0; i < a.size(); ++i)
            if (a[i].second != b[i].second)
                change.fields.push_back({a[i].first, a[i].second, b[i].second});
        if (!change.fields.empty()) out.changed.push_back(std::move(change));
    }
    for (const auto& m : existing)
        if (!kept.count(m.id)) out.removed.push_back(m);
    return out;
}

documents::DocumentState state_of(const PlanVersions& plan) {
    using documents::DocumentState;
    if (plan.version == 0) return DocumentState::not_started;
    if (!plan.approved_version || *plan.approved_version != plan.version)
        return DocumentState::draft;
    if (plan.submitted_version && *plan.submitted_version == plan.version)
        return DocumentState::submitted;
    return DocumentState::approved;
}

}  // namespace shido::core::action_plan
