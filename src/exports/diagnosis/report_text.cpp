#include "exports/diagnosis/report_text.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <stdexcept>

namespace shido::exports {

using core::diagnosis::RespondentRole;

Rgb role_colour(RespondentRole role) {
    switch (role) {
        case RespondentRole::owner:
            return {0.12, 0.37, 0.66};  // blue
        case RespondentRole::manager:
            return {0.88, 0.54, 0.12};  // orange
        case RespondentRole::staff:
            return {0.23, 0.60, 0.29};  // green
    }
    return {0.5, 0.5, 0.5};
}

Rgb overall_colour() {
    return {0.35, 0.35, 0.35};
}

const core::diagnosis::Instrument& instrument_of(const core::diagnosis::DiagnosisReport& report) {
    if (report.instrument == nullptr)
        throw std::invalid_argument("DiagnosisReport without an instrument");
    return *report.instrument;
}

std::vector<RespondentRole> roles_answered(const core::diagnosis::RoundAnalysis& analysis) {
    std::vector<RespondentRole> roles;
    for (RespondentRole role : core::diagnosis::all_respondent_roles) {
        auto it = analysis.by_role.find(role);
        if (it != analysis.by_role.end() && it->second.respondents > 0) roles.push_back(role);
    }
    return roles;
}

const core::diagnosis::Band* band_of_mean(const core::diagnosis::Instrument& instrument,
                                          double mean_total) {
    if (!std::isfinite(mean_total)) return nullptr;
    // Round away binary noise first (99.99999 is 100), then take the whole points reached.
    const double points = std::floor(std::round(mean_total * 1e6) / 1e6);
    for (const auto& band : instrument.bands)
        if (points >= band.min && points <= band.max) return &band;
    return nullptr;
}

const core::diagnosis::Band* band_by_key(const core::diagnosis::Instrument& instrument,
                                         std::string_view key) {
    for (const auto& band : instrument.bands)
        if (band.key == key) return &band;
    return nullptr;
}

std::string drill_down_reason(const core::diagnosis::Instrument& instrument,
                              const core::diagnosis::ItemAnalysis& item) {
    std::string reason;
    if (item.everyone_done) {
        std::string best;
        for (const auto& choice : instrument.choices)
            if (choice.points == instrument.best_points()) best = choice.label;
        reason = "全員が「" + best + "」";
    }
    if (item.role_gap >= core::diagnosis::role_gap_threshold) {
        if (!reason.empty()) reason += "、";
        reason += "区分間の差 " + decimal(item.role_gap, 1) + "点";
    }
    return reason;
}

std::string date_ja(const std::string& iso_date) {
    auto digits = [&](std::size_t from, std::size_t count) {
        for (std::size_t i = from; i < from + count; ++i)
            if (iso_date[i] < '0' || iso_date[i] > '9') return false;
        return true;
    };
    if (iso_date.size() != 10 || iso_date[4] != '-' || iso_date[7] != '-' || !digits(0, 4) ||
        !digits(5, 2) || !digits(8, 2))
        return iso_date;
    const int month = std::stoi(iso_date.substr(5, 2));
    const int day = std::stoi(iso_date.substr(8, 2));
    if (month < 1 || month > 12 || day < 1 || day > 31) return iso_date;
    return iso_date.substr(0, 4) + "年" + std::to_string(month) + "月" + std::to_string(day) + "日";
}

std::string label_or_empty(std::optional<core::diagnosis::Level> level) {
    return level ? std::string(core::diagnosis::label_ja(*level)) : std::string();
}

std::string label_or_empty(std::optional<core::diagnosis::Difficulty> difficulty) {
    return difficulty ? std::string(core::diagnosis::label_ja(*difficulty)) : std::string();
}

std::string part_title_of_item(const core::diagnosis::Instrument& instrument, int item_no) {
    const auto* item = instrument.item(item_no);
    if (item == nullptr) return {};
    const auto* part = instrument.part(item->part_no);
    return part ? part->title : std::string();
}

const core::diagnosis::ItemAnalysis* item_analysis(const core::diagnosis::RoundAnalysis& analysis,
                                                   int item_no) {
    for (const auto& item : analysis.items)
        if (item.item_no == item_no) return &item;
    return nullptr;
}

}  // namespace shido::exports
