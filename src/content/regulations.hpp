#pragma once
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace shido::content {

// 「情報セキュリティ関連規程（サンプル）」: the rule categories checked in 様式2 and the four
// review results a company records for each (content/regulations/<id>.json).
struct ReviewResult {
    std::string key;
    std::string label;
};

struct RegulationCategory {
    int no = 0;
    std::string name;
    std::string outline;
};

struct Regulations {
    std::string id;
    int version = 0;
    std::string title;
    std::vector<ReviewResult> review_results;
    std::vector<RegulationCategory> categories;  // numbered 1..N in order
};

Regulations parse_regulations(const nlohmann::json& doc, const std::string& source);

}  // namespace shido::content
