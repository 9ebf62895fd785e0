#pragma once
#include <string>

#include "content/diagnosis.hpp"
#include "content/json_file.hpp"
#include "core/diagnosis/scoring.hpp"

namespace shido::testing {

// The shipped edition, so the tests check the real content, not a copy of it.
inline const core::diagnosis::Instrument& ipa_5min() {
    static const auto instrument = content::parse_instrument(
        content::read_json_file(std::string(SHIDO_CONTENT_DIR) + "/diagnosis/ipa-5min-3.1.json"),
        "ipa-5min-3.1");
    return instrument;
}

// Answers every item with `key`.
inline core::diagnosis::Answers all(const std::string& key) {
    core::diagnosis::Answers answers;
    for (int no = 1; no <= 25; ++no) answers[no] = key;
    return answers;
}

}  // namespace shido::testing
