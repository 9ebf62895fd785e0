#pragma once
#include <optional>
#include <string>
#include <vector>

#include "core/policy/policy_sample.hpp"

namespace shido::core::policy {

// Whether a company's existing (pasted) policy speaks to one of the sample's articles, and the
// phrase that showed it, so the expert can point at what is there and what is missing.
struct ArticleCoverage {
    int no = 0;  // the sample article's number, 1-based
    std::string title;
    bool covered = false;
    std::optional<std::string> found;  // the title or phrase found in the pasted text
};

std::vector<ArticleCoverage> coverage(const std::string& pasted_text, const PolicySample& sample);

// The asset scope the preamble should name, from what the hearing notes say: customer
// information mentioned → the scope that includes it.
struct ScopeProposal {
    std::string asset_scope;
    std::optional<std::string> found;  // the phrase in the hearing notes that led to it
};

ScopeProposal propose_asset_scope(const std::vector<std::string>& hearing_texts,
                                  const PolicySample& sample);

}  // namespace shido::core::policy
