#pragma once
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace shido::content {

// 「情報セキュリティ関連規程（サンプル）」: the rule categories checked in 様式2 and the four
// review results a company records for each (content/regulations/<id>.json). The results'
// keys are exactly core::rules::review_results, in that order: code decides which of them feed
// the action plan, content only names them.
struct ReviewResult {
    std::string key;
    std::string label;
};

struct RegulationCategory {
    int no = 0;
    std::string name;
    std::string outline;
};

// The columns of the 様式2 sheet (screen and .xlsx) and its notes.
struct RegulationsColumns {
    std::string no, category, outline, result, content, assignee, due_date, upkeep;
};

struct RegulationsForm {
    std::string sheet_title;              // 【様式2】関連規程類の点検結果シート
    std::string sheet_name;               // the worksheet's tab
    int session_no = 0;                   // the session it is made in
    std::vector<int> review_session_nos;  // the sessions it is reviewed again in
    std::string choice_note;
    std::string upkeep_note;
    RegulationsColumns columns;
};

struct Regulations {
    std::string id;
    int version = 0;
    std::string title;
    RegulationsForm form;
    std::vector<ReviewResult> review_results;
    std::vector<RegulationCategory> categories;  // numbered 1..N in order
};

Regulations parse_regulations(const nlohmann::json& doc, const std::string& source);

}  // namespace shido::content
