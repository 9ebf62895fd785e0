#pragma once
#include <array>
#include <optional>
#include <string>
#include <vector>

#include "core/course/report_workflow.hpp"
#include "core/documents/document_state.hpp"
#include "core/ids.hpp"

namespace shido::core::final_report {

// The sections of the 最終報告書, in the order the report shows them. Their headings, limits
// and the phrases the draft writes are content (content/final_report/*.json).
enum class Section { overview, diagnosis, policy, rules, plan, support, evaluation };

inline constexpr std::array<Section, 7> sections{
    Section::overview, Section::diagnosis, Section::policy,    Section::rules,
    Section::plan,     Section::support,   Section::evaluation};

std::string_view key_of(Section section);  // overview, diagnosis, …
std::optional<Section> parse_section(std::string_view key);
// The sections the draft writes from the engagement's facts; the others (the continuing-support
// proposal and the expert's evaluation) are the expert's own and a new draft keeps them.
bool generated(Section section);

// --- The facts the draft is written from, one field per source domain. ---
struct SessionFact {
    int no = 1;
    std::string title;  // 第1回
    std::string theme;
    std::optional<std::string> held_on;  // YYYY-MM-DD, once the session took place
    std::optional<std::string> planned_date;
};

struct RoundFact {
    std::string name;
    int respondents = 0;
    double total_mean = 0;
    std::string band_label;
};

struct ItemChangeFact {
    int item_no = 0;
    std::string topic;
    double before_mean = 0;
    double after_mean = 0;
};

struct DiagnosisFacts {
    std::optional<RoundFact> first;       // the first round with a submitted sheet
    std::optional<RoundFact> final;       // a later round with a submitted sheet, if there is one
    std::vector<ItemChangeFact> changes;  // items whose mean moved, by item no
};

struct PolicyFacts {
    documents::DocumentState state = documents::DocumentState::not_started;
    std::optional<int> approved_number;
    std::optional<std::string> approved_by;
    std::optional<Timestamp> approved_at;
    bool published = false;
};

struct RulesCount {
    std::string label;  // the review result's label (新規作成, …)
    int count = 0;
};

struct RulesFacts {
    documents::DocumentState state = documents::DocumentState::not_started;
    std::vector<RulesCount> counts;  // per review result, in the form's order
    int unset = 0;
    int total = 0;
};

// The action plan's own summary; filled once the plan domain provides it.
struct PlanFacts {
    int measures = 0;
    std::string summary;
};

struct Facts {
    std::vector<SessionFact> sessions;
    DiagnosisFacts diagnosis;
    PolicyFacts policy;
    RulesFacts rules;
    documents::DocumentState plan_state = documents::DocumentState::not_started;
    std::optional<PlanFacts> plan;
};

// --- The report. ---
// The texts of the sections, and the facts the draft was written from (the PDF's tables).
struct Body {
    std::array<std::string, sections.size()> texts;  // by Section
    Facts facts;

    std::string& text(Section s) { return texts[static_cast<std::size_t>(s)]; }
    const std::string& text(Section s) const { return texts[static_cast<std::size_t>(s)]; }
};

struct Step {
    ReportState from = ReportState::draft;
    ReportState to = ReportState::draft;
    std::string actor_name;
    std::string comment;
    Timestamp at = 0;
};

// One engagement's final report: the expert's working copy and what the secretariat received.
// It moves along core::report_transitions(), the 実施報告's workflow.
struct FinalReport {
    Id engagement_id = 0;
    ReportState state = ReportState::draft;
    Body body;
    std::optional<Body> submitted;
    int version = 1;
    std::vector<Step> steps;  // oldest first
    Timestamp created_at = 0;
    Timestamp updated_at = 0;
};

// Where the report stands for the engagement page and the dashboard: not_started, draft (also
// when returned: it is with the expert), submitted (also when accepted: the documents'
// vocabulary has no review state; the report's own page shows 受理).
documents::DocumentState document_state_of(const std::optional<ReportState>& state);

}  // namespace shido::core::final_report
