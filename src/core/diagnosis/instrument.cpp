#include "core/diagnosis/instrument.hpp"

#include <algorithm>

namespace shido::core::diagnosis {

const Choice* Instrument::choice(std::string_view key) const {
    for (const auto& c : choices)
        if (c.key == key) return &c;
    return nullptr;
}

const Choice* Instrument::choice_by_label(std::string_view label) const {
    for (const auto& c : choices)
        if (c.label == label) return &c;
    return nullptr;
}

const Choice* Instrument::choice_by_points(int points) const {
    for (const auto& c : choices)
        if (c.points == points) return &c;
    return nullptr;
}

const Item* Instrument::item(int no) const {
    if (no < 1 || no > static_cast<int>(items.size())) return nullptr;
    return &items[static_cast<std::size_t>(no - 1)];
}

const Part* Instrument::part(int no) const {
    for (const auto& p : parts)
        if (p.no == no) return &p;
    return nullptr;
}

int Instrument::best_points() const {
    int best = 0;
    for (const auto& c : choices) best = std::max(best, c.points);
    return best;
}

int Instrument::worst_points() const {
    int worst = 0;
    for (const auto& c : choices) worst = std::min(worst, c.points);
    return worst;
}

}  // namespace shido::core::diagnosis
