#pragma once
#include <nlohmann/json.hpp>

#include "core/diagnosis/analysis.hpp"
#include "core/diagnosis/findings.hpp"
#include "core/diagnosis/instrument.hpp"
#include "storage/diagnosis/diagnosis_repository.hpp"

namespace shido::services {

struct AnalysisResult;
struct Comparison;

// JSON of the self-assessment for the API.
nlohmann::json to_json(const core::diagnosis::Instrument& instrument);
nlohmann::json to_json(const storage::RoundRow& round);
nlohmann::json to_json(const storage::RespondentRow& respondent, const std::string& today);
nlohmann::json to_json(const core::diagnosis::Answers& answers);
nlohmann::json to_json(const core::diagnosis::Finding& finding);
nlohmann::json result_json(const core::diagnosis::Instrument& instrument,
                           const core::diagnosis::Score& score);
nlohmann::json analysis_json(const AnalysisResult& result, const std::string& today);
nlohmann::json comparison_json(const Comparison& comparison);

// What the audit log keeps: the stored fields only (no counts, no status derived from today).
nlohmann::json snapshot(const storage::RoundRow& round);
nlohmann::json snapshot(const storage::RespondentRow& respondent);

}  // namespace shido::services
