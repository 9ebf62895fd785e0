#pragma once
#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/documents/document_state.hpp"
#include "core/ids.hpp"
#include "core/validation.hpp"

namespace shido::core::rules {

// 【様式2】関連規程類の点検結果シート: per rule category of the 関連規程（サンプル）, what the
// company decided to do with its own rule, and how it will be written and kept up.
//
// The four review results of the guide. Their keys are stable (API, database, content); their
// labels are programme text and come from content/regulations/<id>.json.
enum class ReviewResult { new_rule, revised, unchanged, not_needed };

inline constexpr std::array<ReviewResult, 4> review_results{
    ReviewResult::new_rule, ReviewResult::revised, ReviewResult::unchanged,
    ReviewResult::not_needed};

std::string_view key_of(ReviewResult result);
std::optional<ReviewResult> parse_review_result(std::string_view key);
std::size_t index_of(ReviewResult result);  // position in review_results

// A rule to be written or revised is work for the action plan (様式3) of the next session.
bool feeds_action_plan(ReviewResult result);

// The stable link to a category the action plan takes over: "<regulations id>/<category no>".
std::string category_key(std::string_view regulations_id, int category_no);

struct RulesRow {
    int category_no = 0;
    std::string category_key;
    std::optional<ReviewResult> result;   // unset until decided
    std::string content;                  // 内容: what is to be written or revised
    std::string assignee;                 // 担当: by whom
    std::optional<std::string> due_date;  // 期限: YYYY-MM-DD
    std::string upkeep;                   // 運用・教育: how it is kept up, not only written
};

inline constexpr std::size_t max_content_chars = 1000;
inline constexpr std::size_t max_assignee_chars = 100;
inline constexpr std::size_t max_upkeep_chars = 1000;

// One engagement's sheet. Stored with the edition of the categories it was started on.
struct RulesCheck {
    Id engagement_id = 0;
    std::string regulations_id;
    int regulations_version = 0;
    std::vector<RulesRow> rows;  // one per category, by number
    int version = 0;             // 0: nothing stored yet
    std::optional<Timestamp> updated_at;
    std::optional<std::string> updated_by_name;
    std::optional<Timestamp> submitted_at;
    std::optional<int> submitted_version;  // the version handed to the secretariat
};

// An empty row per category 1..count: what a sheet looks like before anyone wrote to it.
std::vector<RulesRow> blank_rows(std::string_view regulations_id, int count);

// How many categories stand in each state, and which feed the action plan.
struct RulesSummary {
    std::array<int, 4> by_result{};  // by index_of(result)
    int unset = 0;
    int total = 0;
    std::vector<int> action_plan_categories;  // numbers of the categories marked new or revised
};

RulesSummary summarise(const std::vector<RulesRow>& rows);

// not_started (nothing stored) → draft → submitted (the stored version is the one handed in;
// a change after that makes it a draft again until it is submitted anew).
documents::DocumentState state_of(const RulesCheck& check);

// The fields of one row as a person sends them.
struct RowInput {
    std::optional<std::string> result;  // a key of ReviewResult; absent or null: unset
    std::string content;
    std::string assignee;
    std::optional<std::string> due_date;
    std::string upkeep;
};

// The row from the input, every problem in `v` under `result`, `content`, ….
RulesRow validated_row(const RowInput& in, Validator& v);

}  // namespace shido::core::rules
