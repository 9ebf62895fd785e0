#include "core/diagnosis/findings.hpp"

#include <algorithm>
#include <tuple>

namespace shido::core::diagnosis {

std::string_view to_string(Level level) {
    switch (level) {
        case Level::high:
            return "high";
        case Level::medium:
            return "medium";
        case Level::low:
            return "low";
    }
    return "low";
}

std::string_view label_ja(Level level) {
    switch (level) {
        case Level::high:
            return "高";
        case Level::medium:
            return "中";
        case Level::low:
            return "低";
    }
    return "低";
}

std::optional<Level> parse_level(std::string_view text) {
    for (auto level : {Level::high, Level::medium, Level::low})
        if (text == to_string(level) || text == label_ja(level)) return level;
    return std::nullopt;
}

std::string_view to_string(Difficulty difficulty) {
    switch (difficulty) {
        case Difficulty::easy:
            return "easy";
        case Difficulty::medium:
            return "medium";
        case Difficulty::hard:
            return "hard";
    }
    return "hard";
}

std::string_view label_ja(Difficulty difficulty) {
    switch (difficulty) {
        case Difficulty::easy:
            return "易";
        case Difficulty::medium:
            return "中";
        case Difficulty::hard:
            return "難";
    }
    return "難";
}

std::optional<Difficulty> parse_difficulty(std::string_view text) {
    for (auto d : {Difficulty::easy, Difficulty::medium, Difficulty::hard})
        if (text == to_string(d) || text == label_ja(d)) return d;
    return std::nullopt;
}

namespace {

// Larger is more urgent; unset ranks below 低.
int rank(const std::optional<Level>& level) {
    if (!level) return 0;
    return *level == Level::high ? 3 : *level == Level::medium ? 2 : 1;
}

// Larger is easier; unset ranks below 難.
int ease(const std::optional<Difficulty>& difficulty) {
    if (!difficulty) return 0;
    return *difficulty == Difficulty::easy ? 3 : *difficulty == Difficulty::medium ? 2 : 1;
}

bool is_recorded(const Finding& f) {
    return !f.finding.empty() || f.urgency || f.importance || f.difficulty || f.key_area;
}

}  // namespace

std::vector<Finding> prioritise(std::vector<Finding> findings) {
    std::erase_if(findings, [](const Finding& f) { return !is_recorded(f); });
    std::stable_sort(findings.begin(), findings.end(), [](const Finding& a, const Finding& b) {
        auto key = [](const Finding& f) {
            return std::make_tuple(!f.key_area, -rank(f.urgency), -rank(f.importance),
                                   -ease(f.difficulty), f.item_no);
        };
        return key(a) < key(b);
    });
    return findings;
}

}  // namespace shido::core::diagnosis
