#pragma once
#include <string>
#include <vector>

namespace shido::core::rules {

// The 様式2 sheet as a document to print or hand over: every text already resolved (labels
// from content, the company), so the export only lays it out.
struct RulesDocumentRow {
    int no = 0;
    std::string category;
    std::string outline;
    std::string result;  // the label, or empty while unset
    std::string content;
    std::string assignee;
    std::string due_date;
    std::string upkeep;
};

struct RulesDocument {
    std::string title;       // 【様式2】関連規程類の点検結果シート
    std::string sheet_name;  // the worksheet's tab
    std::string company_name;
    std::string generated_on;   // YYYY-MM-DD, Japan time
    std::string edition_title;  // 情報セキュリティ関連規程（サンプル）
    std::string choice_note;
    std::string upkeep_note;
    std::vector<std::string> headers;        // by column (core::rules::RulesColumn)
    std::vector<std::string> result_labels;  // the drop-down's choices
    std::vector<RulesDocumentRow> rows;
};

}  // namespace shido::core::rules
