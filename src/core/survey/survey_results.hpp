#pragma once
// The secretariat's view of the アンケート: submitted answers aggregated per rating item, over
// all engagements, per expert and per industry. Pure: the service resolves the answers' choice
// keys to values with the form each was answered on.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/ids.hpp"
#include "core/survey/survey_form.hpp"

namespace shido::core::survey {

// One submitted response as numbers: item key → the chosen value on the scale.
struct RatedResponse {
    Id engagement_id = 0;
    std::optional<Id> expert_id;
    std::string expert_name;
    std::string industry;
    std::map<std::string, int> values;
};

struct ItemResult {
    std::string key;
    int count = 0;                  // responses that rated this item
    std::optional<double> mean;     // nullopt when nobody rated it
    std::vector<int> distribution;  // count per choice, in the form's scale order
};

struct SurveyAggregate {
    int responses = 0;
    std::vector<ItemResult> items;       // in the form's order
    std::optional<double> overall_mean;  // the mean of every rating given, all items together
};

// Aggregates `responses` over the items and scale of `form` (values not on the scale and items
// the form does not have are left out of the counts).
SurveyAggregate aggregate(const SurveyForm& form,
                          const std::vector<const RatedResponse*>& responses);

struct GroupAggregate {
    std::string key;    // expert id as text, or the industry
    std::string label;  // the expert's name, or the industry (未設定 when empty)
    std::optional<Id> expert_id;
    SurveyAggregate aggregate;
};

// Per assigned expert (engagements without one are grouped under no id), by name then id.
std::vector<GroupAggregate> aggregate_by_expert(const SurveyForm& form,
                                                const std::vector<RatedResponse>& responses,
                                                const std::string& unassigned_label);
// Per company industry, by industry; an empty industry is grouped under `unset_label`.
std::vector<GroupAggregate> aggregate_by_industry(const SurveyForm& form,
                                                  const std::vector<RatedResponse>& responses,
                                                  const std::string& unset_label);

}  // namespace shido::core::survey
