#include "core/rules/rules_check.hpp"

#include "core/text/utf8.hpp"

namespace shido::core::rules {

namespace {

constexpr std::array<std::string_view, 4> rules_result_keys{"new", "revised", "unchanged",
                                                            "not_needed"};

}  // namespace

std::string_view key_of(ReviewResult result) {
    return rules_result_keys[index_of(result)];
}

std::optional<ReviewResult> parse_review_result(std::string_view key) {
    for (std::size_t i = 0; i < rules_result_keys.size(); ++i)
        if (rules_result_keys[i] == key) return review_results[i];
    return std::nullopt;
}

std::size_t index_of(ReviewResult result) {
    return static_cast<std::size_t>(result);
}

bool feeds_action_plan(ReviewResult result) {
    return result == ReviewResult::new_rule || result == ReviewResult::revised;
}

std::string category_key(std::string_view regulations_id, int category_no) {
    return std::string(regulations_id) + "/" + std::to_string(category_no);
}

std::vector<RulesRow> blank_rows(std::string_view regulations_id, int count) {
    std::vector<RulesRow> rows;
    for (int no = 1; no <= count; ++no) {
        RulesRow row;
        row.category_no = no;
        row.category_key = category_key(regulations_id, no);
        rows.push_back(std::move(row));
    }
    return rows;
}

RulesSummary summarise(const std::vector<RulesRow>& rows) {
    RulesSummary s;
    for (const auto& row : rows) {
        ++s.total;
        if (!row.result) {
            ++s.unset;
            continue;
        }
        ++s.by_result[index_of(*row.result)];
        if (feeds_action_plan(*row.result)) s.action_plan_categories.push_back(row.category_no);
    }
    return s;
}

documents::DocumentState state_of(const RulesCheck& check) {
    if (check.version == 0) return documents::DocumentState::not_started;
    if (check.submitted_version && *check.submitted_version == check.version)
        return documents::DocumentState::submitted;
    return documents::DocumentState::draft;
}

RulesRow validated_row(const RowInput& in, Validator& v) {
    RulesRow row;
    if (in.result) {
        row.result = parse_review_result(*in.result);
        if (!row.result) v.fail("result", "今回の見直しは、4つの選択肢から選んでください。");
    }
    auto check = [&v](const char* field, const std::string& value, std::size_t max,
                      bool paragraphs) {
        if (auto problem = text_problem(value, max, paragraphs)) v.fail(field, *problem);
    };
    check("content", in.content, max_content_chars, true);
    check("assignee", in.assignee, max_assignee_chars, false);
    check("upkeep", in.upkeep, max_upkeep_chars, true);
    if (in.due_date) v.date("due_date", *in.due_date);
    row.content = in.content;
    row.assignee = std::string(trim_spaces(in.assignee));
    row.due_date = in.due_date;
    row.upkeep = in.upkeep;
    return row;
}

}  // namespace shido::core::rules
