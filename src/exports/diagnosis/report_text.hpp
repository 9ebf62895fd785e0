#pragma once
// Shared by the workbook and the PDF report: what both show the same way. Internal to exports.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnosis/report.hpp"
#include "exports/colour.hpp"
#include "exports/number_text.hpp"

namespace shido::exports {

inline constexpr std::string_view summary_title = "自社診断結果のまとめ";
inline constexpr std::string_view report_title = "自社診断結果報告";
inline constexpr std::string_view overall_label = "全体";
inline constexpr std::string_view anonymous_label = "（無記名）";

// One colour per respondent role and one for everybody, the same in the workbook and the PDF.
Rgb role_colour(core::diagnosis::RespondentRole role);
Rgb overall_colour();

// The instrument the report was built from; throws std::invalid_argument when it is missing.
const core::diagnosis::Instrument& instrument_of(const core::diagnosis::DiagnosisReport& report);

// Roles with at least one respondent, in the order 経営者, 管理者, 従業員.
std::vector<core::diagnosis::RespondentRole> roles_answered(
    const core::diagnosis::RoundAnalysis& analysis);

// The band a mean total falls in. Bands are whole-point ranges; a mean between two of them
// counts in the lower band (69.6 has not reached 70). nullptr when no band covers it.
const core::diagnosis::Band* band_of_mean(const core::diagnosis::Instrument& instrument,
                                          double mean_total);
const core::diagnosis::Band* band_by_key(const core::diagnosis::Instrument& instrument,
                                         std::string_view key);

// Why an item needs drill-down, in Japanese ("全員が「実施している」", "区分間の差 2.7点").
std::string drill_down_reason(const core::diagnosis::Instrument& instrument,
                              const core::diagnosis::ItemAnalysis& item);

// "2025-06-01" → "2025年6月1日"; other text is returned unchanged.
std::string date_ja(const std::string& iso_date);

// 高/中/低 and 易/中/難, or empty when not rated.
std::string label_or_empty(std::optional<core::diagnosis::Level> level);
std::string label_or_empty(std::optional<core::diagnosis::Difficulty> difficulty);

// The title of the part an item belongs to ("基本的対策"; empty when unknown).
std::string part_title_of_item(const core::diagnosis::Instrument& instrument, int item_no);

// The analysis of one item, or nullptr.
const core::diagnosis::ItemAnalysis* item_analysis(const core::diagnosis::RoundAnalysis& analysis,
                                                   int item_no);

}  // namespace shido::exports
