#pragma once
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/diagnosis/respondent_role.hpp"
#include "core/diagnosis/scoring.hpp"
#include "core/ids.hpp"

namespace shido::core::diagnosis {

// One submitted answer sheet.
struct Sheet {
    Id respondent_id = 0;
    RespondentRole role = RespondentRole::staff;
    std::string name;        // may be empty (anonymous)
    std::string department;  // may be empty
    Answers answers;
};

struct RespondentResult {
    Id respondent_id = 0;
    RespondentRole role = RespondentRole::staff;
    std::string name;
    std::string department;
    Score score;
};

// Answers to one item from one group of respondents (a role, or everybody).
struct ItemGroupStats {
    int respondents = 0;
    std::map<std::string, int> counts;  // choice key → how many chose it
    double mean_points = 0;
};

struct ItemAnalysis {
    int item_no = 0;
    ItemGroupStats all;
    std::map<RespondentRole, ItemGroupStats> by_role;  // only roles that answered
    // Largest difference of mean points between two roles that answered (0 with one role).
    double role_gap = 0;
    int unknown_count = 0;
    bool everyone_done = false;  // every respondent chose the best answer
    bool needs_drill_down = false;
};

struct GroupPartMeans {
    int respondents = 0;
    double total_mean = 0;
    std::vector<double> part_percent;  // per part, mean points as % of the part's range (radar)
};

struct RoundAnalysis {
    std::vector<RespondentResult> respondents;
    std::vector<ItemAnalysis> items;  // by item no
    GroupPartMeans all;
    std::map<RespondentRole, GroupPartMeans> by_role;
    std::vector<int> gap_items;         // item nos with role_gap >= threshold, largest first
    std::vector<int> drill_down_items;  // everyone_done or gap items, by item no
};

// The documented rules (ARCHITECTURE.md, "Self-assessment rules"):
//  - an item has a role gap when the mean points of two roles differ by at least this much
//    (4 = 実施している, 2 = 一部実施している: a whole step on the scale);
inline constexpr double role_gap_threshold = 2.0;
//  - an item needs drill-down when everybody says 実施している (is it really done, exceptions?)
//    or when it has a role gap.
RoundAnalysis analyse(const Instrument& instrument, const std::vector<Sheet>& sheets);

struct ItemChange {
    int item_no = 0;
    double before_mean = 0;
    double after_mean = 0;
};

struct RoundComparison {
    double before_total_mean = 0;
    double after_total_mean = 0;
    std::vector<ItemChange> items;  // by item no
};

RoundComparison compare(const RoundAnalysis& before, const RoundAnalysis& after);

}  // namespace shido::core::diagnosis
