#pragma once
#include <string_view>

#include "services/access/engagement_grant.hpp"
#include "services/context.hpp"
#include "services/diagnosis/diagnosis_types.hpp"

namespace shido::services {

// Answer sheets that arrive on paper: typed in one by one, or imported as CSV (all rows or none).
class SheetInputService {
  public:
    explicit SheetInputService(ServiceEnv env) : env_(env) {}

    storage::RespondentRow enter_paper(const RequestContext& ctx, const EngagementGrant& round,
                                       const PaperSheet& sheet);
    int import_csv(const RequestContext& ctx, const EngagementGrant& round, std::string_view bytes);

  private:
    ServiceEnv env_;
};

}  // namespace shido::services
