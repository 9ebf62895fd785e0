#pragma once
#include <map>
#include <string>
#include <vector>

#include "core/diagnosis/instrument.hpp"

namespace shido::core::diagnosis {

using Answers = std::map<int, std::string>;  // item no → choice key

struct PartScore {
    int part_no = 0;
    int points = 0;
    int max_points = 0;
    int min_points = 0;
};

struct Score {
    int total = 0;
    std::string band_key;
    std::vector<PartScore> parts;
    int answered = 0;
    int unknown_count = 0;  // answers whose choice is flagged follow_up (わからない)
    bool complete = false;  // every item answered
};

// Points of the answered items (unanswered ones count nothing). Throws std::invalid_argument on an
// item or choice the instrument does not know: callers validate input before scoring.
Score score(const Instrument& instrument, const Answers& answers);

const Band& band_for(const Instrument& instrument, int total);

}  // namespace shido::core::diagnosis
