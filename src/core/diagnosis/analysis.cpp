#include "core/diagnosis/analysis.hpp"

#include <algorithm>

namespace shido::core::diagnosis {

namespace {

const Choice& best_choice(const Instrument& instrument) {
    const Choice* best = &instrument.choices.front();
    for (const auto& c : instrument.choices)
        if (c.points > best->points) best = &c;
    return *best;
}

void add_answer(ItemGroupStats& stats, const Choice& choice, double& points_sum) {
    stats.respondents += 1;
    stats.counts[choice.key] += 1;
    points_sum += choice.points;
}

ItemAnalysis analyse_item(const Instrument& instrument, const Item& item,
                          const std::vector<Sheet>& sheets) {
    ItemAnalysis result;
    result.item_no = item.no;
    double all_sum = 0;
    std::map<RespondentRole, double> role_sums;
    for (const auto& sheet : sheets) {
        auto answer = sheet.answers.find(item.no);
        if (answer == sheet.answers.end()) continue;
        const Choice* choice = instrument.choice(answer->second);
        if (!choice) continue;
        add_answer(result.all, *choice, all_sum);
        add_answer(result.by_role[sheet.role], *choice, role_sums[sheet.role]);
        if (choice->follow_up) result.unknown_count += 1;
    }
    if (result.all.respondents > 0) result.all.mean_points = all_sum / result.all.respondents;
    double lowest = 0, highest = 0;
    bool first = true;
    for (auto& [role, stats] : result.by_role) {
        stats.mean_points = role_sums[role] / stats.respondents;
        lowest = first ? stats.mean_points : std::min(lowest, stats.mean_points);
        highest = first ? stats.mean_points : std::max(highest, stats.mean_points);
        first = false;
    }
    result.role_gap = highest - lowest;
    const auto& best = best_choice(instrument);
    result.everyone_done =
        result.all.respondents > 0 && result.all.counts[best.key] == result.all.respondents;
    result.needs_drill_down = result.everyone_done || result.role_gap >= role_gap_threshold;
    return result;
}

GroupPartMeans group_means(const Instrument& instrument,
                           const std::vector<const RespondentResult*>& group) {
    GroupPartMeans means;
    means.respondents = static_cast<int>(group.size());
    means.part_percent.assign(instrument.parts.size(), 0.0);
    if (group.empty()) return means;
    std::vector<double> part_points(instrument.parts.size(), 0.0),
        part_max(instrument.parts.size(), 0.0);
    for (const auto* r : group) {
        means.total_mean += r->score.total;
        for (std::size_t p = 0; p < r->score.parts.size() && p < part_points.size(); ++p) {
            part_points[p] += r->score.parts[p].points;
            part_max[p] = r->score.parts[p].max_points;
        }
    }
    means.total_mean /= means.respondents;
    for (std::size_t p = 0; p < part_points.size(); ++p) {
        double mean = part_points[p] / means.respondents;
        // Radar axes run from 0 to 100 %: a negative mean (mostly わからない) shows as 0 (rule 3).
        if (part_max[p] > 0) means.part_percent[p] = std::max(0.0, mean) * 100.0 / part_max[p];
    }
    return means;
}

}  // namespace

RoundAnalysis analyse(const Instrument& instrument, const std::vector<Sheet>& sheets) {
    RoundAnalysis result;
    for (const auto& sheet : sheets) {
        result.respondents.push_back(RespondentResult{sheet.respondent_id, sheet.role, sheet.name,
                                                      sheet.department,
                                                      score(instrument, sheet.answers)});
    }
    for (const auto& item : instrument.items)
        result.items.push_back(analyse_item(instrument, item, sheets));

    std::vector<const RespondentResult*> everyone;
    std::map<RespondentRole, std::vector<const RespondentResult*>> by_role;
    for (const auto& r : result.respondents) {
        everyone.push_back(&r);
        by_role[r.role].push_back(&r);
    }
    result.all = group_means(instrument, everyone);
    for (const auto& [role, group] : by_role) result.by_role[role] = group_means(instrument, group);

    for (const auto& item : result.items) {
        if (item.role_gap >= role_gap_threshold) result.gap_items.push_back(item.item_no);
        if (item.needs_drill_down) result.drill_down_items.push_back(item.item_no);
    }
    std::stable_sort(result.gap_items.begin(), result.gap_items.end(), [&](int a, int b) {
        return result.items[static_cast<std::size_t>(a - 1)].role_gap >
               result.items[static_cast<std::size_t>(b - 1)].role_gap;
    });
    return result;
}

RoundComparison compare(const RoundAnalysis& before, const RoundAnalysis& after) {
    RoundComparison result;
    result.before_total_mean = before.all.total_mean;
    result.after_total_mean = after.all.total_mean;
    for (std::size_t i = 0; i < std::min(before.items.size(), after.items.size()); ++i) {
        result.items.push_back(ItemChange{before.items[i].item_no, before.items[i].all.mean_points,
                                          after.items[i].all.mean_points});
    }
    return result;
}

}  // namespace shido::core::diagnosis
