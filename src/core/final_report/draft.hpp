#pragma once
#include "core/final_report/final_report.hpp"
#include "core/final_report/final_report_labels.hpp"
#include "core/validation.hpp"

namespace shido::core::final_report {

// The report as drafted from the engagement's facts: the generated sections written, the
// expert's own ones (support, evaluation) empty.
Body draft(const Labels& labels, const Facts& facts);

// A new draft from fresh facts that keeps the expert's own sections of `current`. The
// generated sections are written anew: "下書きを再作成" is for taking in what changed since.
Body refreshed(const Labels& labels, const Body& current, const Facts& facts);

// Each section within its limit (field errors "texts.<key>").
void validate(const Labels& labels, const Body& body, Validator& v);
// Before submission: every required section has text.
void validate_for_submission(const Labels& labels, const Body& body, Validator& v);

// A moment as a day in Japan, YYYY-MM-DD.
std::string japan_date(Timestamp t);

}  // namespace shido::core::final_report
