#pragma once
#include <optional>
#include <string>

#include "core/dashboard/dashboard.hpp"
#include "core/paging/page.hpp"
#include "services/context.hpp"
#include "services/documents/document_overview_service.hpp"

namespace shido::services {

// The filters as the query string gives them (keys, not yet checked).
struct DashboardQuery {
    std::optional<std::string> industry;
    std::optional<std::string> expert;  // an expert's id, or "none" for unassigned
    std::optional<std::string> status;  // engagement status key
    std::optional<std::string> state;   // session progress key (the current session's)
    std::string company_name_contains;
};

// The secretariat's dashboard (secretariat only: anyone else gets 403). Everything is read
// from the database on each call; "today" is Japan's date by the services' clock.
class DashboardService {
  public:
    DashboardService(ServiceEnv env,
                     std::map<core::documents::DocumentKind, DocumentStatusesSource> documents)
        : env_(env), documents_(std::move(documents)) {}

    core::Page<core::DashboardRow> engagements(const RequestContext& ctx,
                                               const DashboardQuery& query,
                                               const core::PageRequest& page);
    core::DashboardSummary summary(const RequestContext& ctx, const DashboardQuery& query);
    core::Page<core::ExpertWorkload> experts(const RequestContext& ctx,
                                             const core::PageRequest& page);
    // Every row of the filtered table for the .xlsx (at most core::max_export_rows: more is a
    // validation error asking to narrow the filters).
    core::DashboardExport export_rows(const RequestContext& ctx, const DashboardQuery& query);

  private:
    void add_submitted_documents(storage::Connection& c, std::vector<core::DashboardRow>& rows);

    ServiceEnv env_;
    std::map<core::documents::DocumentKind, DocumentStatusesSource> documents_;
};

// The filters as the dashboard understands them, or a validation error per bad field.
core::DashboardFilter dashboard_filter(const DashboardQuery& query);

}  // namespace shido::services
