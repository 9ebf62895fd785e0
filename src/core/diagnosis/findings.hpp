#pragma once
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/ids.hpp"

namespace shido::core::diagnosis {

// 課題整理: what the expert records per item. The link to the item (instrument id + item no)
// is stable so the action plan (様式3) can take findings over later.
enum class Level { high, medium, low };        // 高 / 中 / 低
enum class Difficulty { easy, medium, hard };  // 易 / 中 / 難

std::string_view to_string(Level level);
std::string_view label_ja(Level level);
std::optional<Level> parse_level(std::string_view text);
std::string_view to_string(Difficulty difficulty);
std::string_view label_ja(Difficulty difficulty);
std::optional<Difficulty> parse_difficulty(std::string_view text);

// Written in textareas: several paragraphs, line breaks kept (openapi.json says the same).
inline constexpr std::size_t max_finding_notes_chars = 2000;
inline constexpr std::size_t max_finding_text_chars = 1000;

struct Finding {
    int item_no = 0;
    std::string notes;    // drill-down notes (掘り下げメモ)
    std::string finding;  // 課題
    std::optional<Level> urgency;
    std::optional<Level> importance;
    std::optional<Difficulty> difficulty;
    bool key_area = false;  // 重点改善領域
    Timestamp updated_at = 0;
};

// The priority rule: key areas first; then higher urgency, higher importance, easier
// difficulty (unset counts as lowest / hardest); then item number. Findings with neither a
// finding text nor any rating are left out.
std::vector<Finding> prioritise(std::vector<Finding> findings);

}  // namespace shido::core::diagnosis
