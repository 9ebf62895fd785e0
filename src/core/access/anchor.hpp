#pragma once
#include <string_view>

namespace shido::core {

// The records an engagement-level route can be addressed by. Each leads to exactly one
// engagement (storage/access resolves it), whose scope the access policy then judges.
// A new domain that hangs records under an engagement adds its anchor here and its lookup in
// storage/access/anchor_repository.cpp.
enum class Anchor {
    engagement,       // /engagements/{id}
    diagnosis_round,  // /diagnosis/rounds/{id}
    respondent,       // /diagnosis/respondents/{id}
    company,          // /companies/{id}: judged as the actor's view of that company's engagements
};

inline constexpr Anchor all_anchors[] = {Anchor::engagement, Anchor::diagnosis_round,
                                         Anchor::respondent, Anchor::company};

std::string_view to_string(Anchor anchor);
// The Japanese name used in "not found" messages.
std::string_view label_ja(Anchor anchor);

}  // namespace shido::core
