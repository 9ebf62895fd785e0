#include "core/survey/survey_results.hpp"

#include <algorithm>
#include <functional>
#include <tuple>

namespace shido::core::survey {

namespace {

std::optional<std::size_t> survey_scale_index(const SurveyForm& form, int value) {
    for (std::size_t i = 0; i < form.scale.size(); ++i)
        if (form.scale[i].value == value) return i;
    return std::nullopt;
}

std::vector<GroupAggregate> survey_grouped(
    const SurveyForm& form, const std::vector<RatedResponse>& responses,
    const std::function<
        std::tuple<std::string, std::string, std::optional<Id>>(const RatedResponse&)>& group_of) {
    std::map<std::string, GroupAggregate> groups;
    std::map<std::string, std::vector<const RatedResponse*>> members;
    for (const auto& response : responses) {
        auto [key, label, expert_id] = group_of(response);
        auto& group = groups[key];
        group.key = key;
        group.label = label;
        group.expert_id = expert_id;
        members[key].push_back(&response);
    }
    std::vector<GroupAggregate> out;
    for (auto& [key, group] : groups) {
        group.aggregate = aggregate(form, members[key]);
        out.push_back(std::move(group));
    }
    std::sort(out.begin(), out.end(), [](const GroupAggregate& a, const GroupAggregate& b) {
        return std::tie(a.label, a.key) < std::tie(b.label, b.key);
    });
    return out;
}

}  // namespace

SurveyAggregate aggregate(const SurveyForm& form,
                          const std::vector<const RatedResponse*>& responses) {
    SurveyAggregate out;
    out.responses = static_cast<int>(responses.size());
    long long all_sum = 0;
    int all_count = 0;
    for (const auto& item : form.items) {
        ItemResult result;
        result.key = item.key;
        result.distribution.assign(form.scale.size(), 0);
        long long sum = 0;
        for (const auto* response : responses) {
            auto it = response->values.find(item.key);
            if (it == response->values.end()) continue;
            auto index = survey_scale_index(form, it->second);
            if (!index) continue;
            ++result.distribution[*index];
            ++result.count;
            sum += it->second;
        }
        if (result.count > 0) result.mean = static_cast<double>(sum) / result.count;
        all_sum += sum;
        all_count += result.count;
        out.items.push_back(std::move(result));
    }
    if (all_count > 0) out.overall_mean = static_cast<double>(all_sum) / all_count;
    return out;
}

std::vector<GroupAggregate> aggregate_by_expert(const SurveyForm& form,
                                                const std::vector<RatedResponse>& responses,
                                                const std::string& unassigned_label) {
    return survey_grouped(form, responses, [&](const RatedResponse& r) {
        if (!r.expert_id)
            return std::tuple<std::string, std::string, std::optional<Id>>{"", unassigned_label,
                                                                           std::nullopt};
        return std::tuple<std::string, std::string, std::optional<Id>>{std::to_string(*r.expert_id),
                                                                       r.expert_name, r.expert_id};
    });
}

std::vector<GroupAggregate> aggregate_by_industry(const SurveyForm& form,
                                                  const std::vector<RatedResponse>& responses,
                                                  const std::string& unset_label) {
    return survey_grouped(form, responses, [&](const RatedResponse& r) {
        const auto& label = r.industry.empty() ? unset_label : r.industry;
        return std::tuple<std::string, std::string, std::optional<Id>>{r.industry, label,
                                                                       std::nullopt};
    });
}

}  // namespace shido::core::survey
