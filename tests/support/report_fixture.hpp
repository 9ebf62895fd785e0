#pragma once
#include <string>
#include <vector>

#include "core/diagnosis/report.hpp"

namespace shido::testing {

// The real instrument, read from content/diagnosis/ipa-5min-3.1.json.
const core::diagnosis::Instrument& real_instrument();

// Five respondents (1 経営者, 2 管理者, 2 従業員) whose answers give role gaps, items everybody
// has done and わからない answers; findings with every kind of rating; user text that looks
// like formulas in names, departments and findings.
std::vector<core::diagnosis::Sheet> five_sheets();

// `count` respondents with deterministic pseudo-random answers (for the timing program; the
// same generator as bench/export_bench.py).
std::vector<core::diagnosis::Sheet> generated_sheets(int count);

std::vector<core::diagnosis::Finding> sample_findings();

core::diagnosis::DiagnosisReport make_report(const std::string& company_name,
                                             const std::vector<core::diagnosis::Sheet>& sheets,
                                             std::vector<core::diagnosis::Finding> findings);

}  // namespace shido::testing
