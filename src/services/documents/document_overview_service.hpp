#pragma once
#include <functional>
#include <map>
#include <optional>
#include <vector>

#include "core/documents/document_status.hpp"
#include "services/access/engagement_grant.hpp"
#include "services/context.hpp"

namespace shido::services {

// Where a document of many engagements stands, read by the document's own domain (hearing,
// policy, rules) from its own tables in one query: the engagement page asks for one, the
// dashboard for a page. Engagements whose document is not started may be left out.
using DocumentStatusesSource = std::function<std::map<core::Id, core::documents::DocumentStatus>(
    storage::Connection&, const std::vector<core::Id>& engagement_ids)>;

// A session of the engagement's course that works on a document (made there, or reviewed).
struct DocumentSession {
    int no = 0;
    bool review = false;
};

struct DocumentOverviewItem {
    core::documents::DocumentStatus status;
    std::vector<DocumentSession> sessions;  // from the course the engagement was opened on
};

// The engagement page's list of documents: every document kind, in the order of
// core::documents::document_kinds, with its state and the sessions it belongs to. The states
// are facts every participant may see (`view`); the documents themselves keep their own access.
class DocumentOverviewService {
  public:
    DocumentOverviewService(ServiceEnv env,
                            std::map<core::documents::DocumentKind, DocumentStatusesSource> sources)
        : env_(env), sources_(std::move(sources)) {}

    std::vector<DocumentOverviewItem> overview(const EngagementGrant& grant) const;

  private:
    ServiceEnv env_;
    std::map<core::documents::DocumentKind, DocumentStatusesSource> sources_;
};

}  // namespace shido::services
