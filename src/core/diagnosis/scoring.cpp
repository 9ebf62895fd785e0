#include "core/diagnosis/scoring.hpp"

#include <stdexcept>

namespace shido::core::diagnosis {

const Band& band_for(const Instrument& instrument, int total) {
    for (const auto& band : instrument.bands)
        if (total >= band.min && total <= band.max) return band;
    throw std::invalid_argument("no band covers the total " + std::to_string(total));
}

Score score(const Instrument& instrument, const Answers& answers) {
    Score result;
    for (const auto& part : instrument.parts) {
        int count = static_cast<int>(part.item_nos.size());
        result.parts.push_back(PartScore{part.no, 0, count * instrument.best_points(),
                                         count * instrument.worst_points()});
    }
    for (const auto& [item_no, key] : answers) {
        const Item* item = instrument.item(item_no);
        const Choice* choice = instrument.choice(key);
        if (!item || !choice)
            throw std::invalid_argument("unknown answer " + std::to_string(item_no) + "=" + key);
        result.total += choice->points;
        result.answered += 1;
        if (choice->follow_up) result.unknown_count += 1;
        for (auto& part : result.parts)
            if (part.part_no == item->part_no) part.points += choice->points;
    }
    result.complete = result.answered == static_cast<int>(instrument.items.size());
    result.band_key = band_for(instrument, result.total).key;
    return result;
}

}  // namespace shido::core::diagnosis
