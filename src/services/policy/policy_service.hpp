#pragma once
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/documents/document_status.hpp"
#include "core/policy/policy_analysis.hpp"
#include "core/policy/policy_diff.hpp"
#include "core/policy/policy_document.hpp"
#include "core/policy/policy_print.hpp"
#include "services/access/engagement_grant.hpp"
#include "services/context.hpp"
#include "storage/database.hpp"

namespace shido::services {

// The hearing notes' texts of one engagement, read in the caller's connection. Injected: the
// hearing sheet is its own domain, and the proposal only needs its words.
using HearingTexts = std::function<std::vector<std::string>(storage::Connection&, core::Id)>;

// An engagement's basic policy as a reader with view_documents sees it.
struct PolicyView {
    core::documents::DocumentStatus status;
    std::optional<core::policy::PolicyHead> head;
    std::vector<core::policy::PolicyVersion> versions;  // oldest first
    const core::policy::PolicySample* sample = nullptr;
};

// Where the editor starts: the newest version, or the sample filled with the company's data
// and the asset scope the hearing notes suggest (nothing stored).
struct PolicyDraft {
    core::policy::PolicyDocument document;
    std::optional<int> based_on;  // the version it was copied from; none for the sample
    core::policy::ScopeProposal proposal;
};

// What the secretariat reads: the version the expert submitted.
struct SubmittedPolicy {
    core::policy::PolicyVersion version;
    core::Timestamp submitted_at = 0;
};

struct PolicySaveInput {
    core::policy::PolicyDocument document;
    std::string note;
    std::optional<int> version;  // of the policy head; 0 for the first version
};

// 情報セキュリティ基本方針: the company and the expert draft it from the guide's sample (or
// check an existing one against the sample's articles); every save is a new version, kept;
// the owner approves one, which is never changed after; the expert submits it to the
// secretariat.
class PolicyService {
  public:
    PolicyService(ServiceEnv env, HearingTexts hearing_texts)
        : env_(env), hearing_texts_(std::move(hearing_texts)) {}

    // For the lead's engagement page and dashboard: where the policy stands.
    core::documents::DocumentStatus status(const EngagementGrant& grant);  // view

    PolicyView get(const EngagementGrant& grant);  // view_documents
    core::policy::PolicyVersion version(const EngagementGrant& grant,
                                        int number);  // view_documents
    std::vector<core::policy::DiffRow> compare(const EngagementGrant& grant, int from,
                                               int to);                 // view_documents
    PolicyDraft draft(const EngagementGrant& grant, bool from_sample);  // edit_documents
    std::vector<core::policy::ArticleCoverage> coverage(
        const EngagementGrant& grant,
        const std::string& pasted_text);  // edit_documents

    PolicyView save(const RequestContext& ctx, const EngagementGrant& grant,  // edit_documents
                    const PolicySaveInput& input);
    // Only the note of a version not yet approved; an approved version is refused (409).
    PolicyView set_note(const RequestContext& ctx, const EngagementGrant& grant,  // edit_documents
                        int number, const std::string& note, std::optional<int> version);
    PolicyView approve(const RequestContext& ctx,
                       const EngagementGrant& grant,  // approve_documents
                       int number, std::optional<int> version);
    PolicyView submit(const RequestContext& ctx, const EngagementGrant& grant,  // submit_documents
                      std::optional<int> version);
    SubmittedPolicy submitted(const EngagementGrant& grant);  // view_submitted_documents

    // The public page of the approved version at an unguessable URL (192-bit token, only its
    // SHA-256 stored); the token is returned once. Publishing again replaces the token.
    std::string publish(const RequestContext& ctx,
                        const EngagementGrant& grant,  // approve_documents
                        std::optional<int> version);
    PolicyView unpublish(const RequestContext& ctx,
                         const EngagementGrant& grant,  // approve_documents
                         std::optional<int> version);
    // What the public URL shows (404 for an unknown or switched-off token).
    core::policy::PolicyPrint public_page(const std::string& token);

    // A version laid out for the exports.
    core::policy::PolicyPrint print(const core::policy::PolicyVersion& version) const;

  private:
    PolicyView view_of(storage::Connection& c, core::Id engagement_id);
    const core::policy::PolicySample& sample() const { return env_.content.policy_sample; }
    ServiceEnv env_;
    HearingTexts hearing_texts_;
};

}  // namespace shido::services
