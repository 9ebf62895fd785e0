#pragma once
#include <filesystem>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace shido::content {

struct CurriculumSession {
    int no = 0;
    std::string title;
    std::string theme;
    std::vector<std::string> expert_prepares;
    std::vector<std::string> company_prepares;
    std::vector<std::string> agenda;
    std::vector<std::string> deliverables;
    int prep_weeks_min = 1;  // weeks of preparation before the session, as the guide gives them
    int prep_weeks_max = 2;
};

// The standard course of four sessions (content/curriculum/*.json).
struct Curriculum {
    std::string id;
    int version = 0;
    std::string title;
    int guideline_days = 45;      // first to last session, "about 1.5 months"
    std::string guideline_label;  // 約1.5か月
    std::vector<CurriculumSession> sessions;
};

Curriculum parse_curriculum(const nlohmann::json& doc, const std::string& source);

}  // namespace shido::content
