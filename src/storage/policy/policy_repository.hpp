#pragma once
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/documents/document_status.hpp"
#include "core/policy/policy_document.hpp"
#include "storage/database.hpp"

namespace shido::storage {

// Who did something, as stored next to it.
struct PolicyActor {
    std::optional<core::Id> id;
    std::string name;
};

class PolicyRepository {
  public:
    explicit PolicyRepository(Connection& c) : c_(c) {}

    std::optional<core::policy::PolicyHead> head(core::Id engagement_id);
    std::vector<core::policy::PolicyVersion> versions(core::Id engagement_id);  // oldest first
    std::optional<core::policy::PolicyVersion> version(core::Id engagement_id, int number);
    std::optional<core::Id> version_id(core::Id engagement_id, int number);

    // A new version after the newest, if the head is still at `expected_version` (0: the
    // engagement has no policy yet). Its number, or nullopt when someone saved first.
    std::optional<int> add_version(core::Id engagement_id, int expected_version,
                                   const core::policy::PolicyDocument& document,
                                   const std::string& note, const PolicyActor& by,
                                   core::Timestamp now);
    // The note of a version that is not approved; false if it is approved or the head moved.
    bool set_note(core::Id engagement_id, int number, const std::string& note, int expected_version,
                  core::Timestamp now);
    // The owner's approval (the first approval's who and when are kept if approved again).
    bool approve(core::Id engagement_id, int number, int expected_version, const PolicyActor& by,
                 core::Timestamp now);
    // Hands the approved version to the secretariat.
    bool submit(core::Id engagement_id, int expected_version, core::Timestamp now);

    // The public page: the approved version shown at the token whose hash is stored (a new
    // token replaces the old one); cleared, the old URL finds nothing.
    bool set_public(core::Id engagement_id, const std::string& token_hash, int number,
                    int expected_version, core::Timestamp now);
    bool clear_public(core::Id engagement_id, int expected_version, core::Timestamp now);
    // The engagement and version number a public token shows.
    std::optional<std::pair<core::Id, int>> find_public(const std::string& token_hash);

    // The statuses of many engagements' policies at once (for the dashboard); engagements
    // without a policy are absent from the map (their status is not_started).
    std::map<core::Id, core::documents::DocumentStatus> statuses(
        const std::vector<core::Id>& engagement_ids);

  private:
    bool bump_head(core::Id engagement_id, int expected_version, core::Timestamp now);
    Connection& c_;
};

}  // namespace shido::storage
