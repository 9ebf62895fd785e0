#pragma once
#include <string>

#include "core/paging/page.hpp"
#include "services/access/engagement_grant.hpp"
#include "services/context.hpp"
#include "storage/access/record_read_repository.hpp"

namespace shido::services {

// Who outside the company opened its records or what was submitted about it. The dispatcher
// calls note() after the grant of every read; the owner lists them.
class RecordReadService {
  public:
    explicit RecordReadService(ServiceEnv env) : env_(env) {}

    // Kept when the granted action opens the company's records (core::logged_read_label) and
    // the reader is not of the company.
    void note(const RequestContext& ctx, const EngagementGrant& grant, const std::string& path);
    core::Page<storage::RecordRead> list(const EngagementGrant& grant,  // view_record_reads
                                         const core::PageRequest& page);

  private:
    ServiceEnv env_;
};

}  // namespace shido::services
