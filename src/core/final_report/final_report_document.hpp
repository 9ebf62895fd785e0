#pragma once
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/final_report/final_report.hpp"

namespace shido::core::final_report {

// Everything the PDF of a final report shows, gathered by the service.
struct Document {
    std::string title;  // 最終報告書 (content)
    std::string company_name;
    std::string expert_name;
    std::string course_title;
    std::optional<ReportState> state;                           // nothing: a draft never saved
    bool submitted_copy = false;                                // the copy the secretariat received
    std::vector<std::pair<std::string, std::string>> sections;  // heading, text; in order
    Facts facts;
    std::vector<Step> steps;
};

}  // namespace shido::core::final_report
