#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnosis/analysis.hpp"
#include "core/diagnosis/instrument.hpp"

namespace shido::core::diagnosis {

// A CSV of paper answers: header `role,name,department,1,2,...,25` (Japanese headers 役割, 氏名,
// 部署 are accepted too); one row per respondent; role as key or label (経営者/管理者/従業員);
// each answer as points (4/2/0/-1) or label (実施している, ...). Input must already be UTF-8.
struct CsvError {
    int row = 0;  // 1-based line number in the file (the header is line 1)
    std::string column;
    std::string message;  // Japanese
};

struct CsvImport {
    std::vector<Sheet> sheets;  // respondent_id is 0: not stored yet
    std::vector<CsvError> errors;
};

CsvImport parse_answer_csv(const Instrument& instrument, std::string_view utf8_text);

}  // namespace shido::core::diagnosis
