#pragma once
#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnosis/findings.hpp"
#include "core/ids.hpp"

namespace shido::core::action_plan {

// 【様式3】業界ガイドライン適合のための対策実行計画書: one row per measure (実施施策), several
// per 改善分野. The areas themselves (keys, labels, which diagnosis items and rule categories
// fall in each) are programme content: content/action_plan/<id>.json.

// 実施可否 in the 絞り込み columns: decided to do it, decided not to, or not yet decided.
enum class Feasibility { feasible, not_feasible };
std::string_view key_of(Feasibility value);
std::optional<Feasibility> parse_feasibility(std::string_view key);

// How far a measure has come after the programme (the follow-up the company does itself).
enum class Progress { not_started, in_progress, done, dropped };
inline constexpr std::array<Progress, 4> progress_values{
    Progress::not_started, Progress::in_progress, Progress::done, Progress::dropped};
std::string_view key_of(Progress value);
std::optional<Progress> parse_progress(std::string_view key);

// Where a measure came from, kept so the plan shows the thread 診断項目 → 課題 → 規程 → 対策.
//  - finding: a self-assessment finding, key "<instrument id>/<item no>" (the round is the
//    engagement's latest finished one when the plan is built; the item is what stays stable);
//  - rule: a rule category marked new or revised in 様式2, key "<regulations id>/<category no>"
//    (core::rules::category_key).
enum class SourceKind { finding, rule };
std::string_view key_of(SourceKind kind);
std::optional<SourceKind> parse_source_kind(std::string_view key);

struct MeasureSource {
    SourceKind kind = SourceKind::finding;
    std::string key;
    bool operator==(const MeasureSource&) const = default;
};

std::string finding_source_key(std::string_view instrument_id, int item_no);

// One row of the form. The id is the row's stable identity: it is printed in the exported
// workbook (管理番号 column) so a row edited in Excel is matched back to this one.
struct Measure {
    Id id = 0;
    int position = 0;                            // order within the sheet as people arranged it
    std::string area_key;                        // 改善分野, a key of the plan content's areas
    std::string situation;                       // 現状と課題
    std::string action;                          // 具体的改善対策
    bool business_linked = false;                // ✔: serves a business plan (経営施策)
    std::optional<diagnosis::Level> urgency;     // 緊急度 高/中/低
    std::optional<diagnosis::Level> importance;  // 重要度 高/中/低
    std::optional<diagnosis::Difficulty> difficulty;  // 難易度 易/中/難
    std::optional<Feasibility> feasibility;           // 絞り込み: 実施可否
    std::optional<std::string> deadline;              // 絞り込み: 実施期限, YYYY-MM-DD
    std::string concerns;                             // 予算、要員等の懸念点
    std::string owner;                                // 担当: who carries it out
    Progress progress = Progress::not_started;
    std::vector<MeasureSource> sources;  // empty: added by hand
};

inline constexpr std::size_t max_measure_text_chars = 1000;  // situation, action, concerns
inline constexpr std::size_t max_measure_owner_chars = 100;
inline constexpr std::size_t max_measures = 500;

}  // namespace shido::core::action_plan
