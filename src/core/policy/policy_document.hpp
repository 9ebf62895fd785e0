#pragma once
#include <optional>
#include <string>
#include <vector>

#include "core/documents/document_status.hpp"
#include "core/ids.hpp"
#include "core/policy/policy_sample.hpp"
#include "core/validation.hpp"

namespace shido::core::policy {

struct PolicyArticle {
    std::string title;
    std::string text;
};

// One version's content of a company's 情報セキュリティ基本方針: the preamble (its lead names the
// company and the chosen asset scope), numbered articles, the 制定日 and the signature.
struct PolicyDocument {
    std::string title;
    std::string asset_scope;  // a key of the sample's asset_scopes
    std::string preamble;     // after the lead
    std::vector<PolicyArticle> articles;
    std::optional<std::string> established_on;  // YYYY-MM-DD
    std::string company_name;
    std::string representative_title;
    std::string representative_name;
};

// A stored version: kept forever; approved (who, when) by the owner, never changed after.
struct PolicyVersion {
    int number = 0;
    PolicyDocument document;
    std::string note;
    std::string created_by_name;
    Timestamp created_at = 0;
    std::optional<std::string> approved_by_name;
    std::optional<Timestamp> approved_at;
    bool approved() const { return approved_at.has_value(); }
};

inline constexpr std::size_t max_policy_articles = 30;
inline constexpr std::size_t max_policy_text_chars = 4000;
inline constexpr std::size_t max_policy_note_chars = 500;
inline constexpr std::size_t max_pasted_policy_chars = 50000;

// The company's data the sample is filled with.
struct CompanyFacts {
    std::string name;
    std::string representative_title;
    std::string representative_name;
};

// The sample with the company's data and the proposed asset scope filled in.
PolicyDocument draft_from_sample(const PolicySample& sample, const CompanyFacts& company,
                                 const std::string& asset_scope);

// The preamble as read: the lead with the company's name and the scope's label, then the text.
std::string full_preamble(const PolicyDocument& document, const PolicySample& sample);

// "2025年4月1日" for 2025-04-01; empty when unset.
std::string japanese_date(const std::optional<std::string>& iso_date);

// Japanese field errors (制定日 must be a real date, the scope one of the sample's).
void validate(const PolicyDocument& document, const PolicySample& sample, Validator& v);

// The head of an engagement's policy: which version is the newest, approved, submitted.
struct PolicyHead {
    int latest_number = 0;
    std::optional<int> approved_number;
    std::optional<int> submitted_number;
    std::optional<Timestamp> submitted_at;
    std::optional<int> public_number;  // the version the public page shows, while it is on
    int version = 0;
    Timestamp updated_at = 0;
};

// not_started (no head) → draft → approved → submitted (the approved version is the one
// submitted; approving a newer version makes it "approved" again until it is submitted).
documents::DocumentStatus policy_status(const std::optional<PolicyHead>& head);

}  // namespace shido::core::policy
