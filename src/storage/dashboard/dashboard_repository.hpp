#pragma once
#include <string>
#include <vector>

#include "core/dashboard/dashboard.hpp"
#include "core/paging/page.hpp"
#include "storage/database.hpp"

namespace shido::storage {

// The secretariat's dashboard, computed in SQL over every engagement (no scope: the service
// admits the secretariat only). `today` is Japan's calendar date (services::today), which
// decides overdue tasks, the next date and the next 30 days.
class DashboardRepository {
  public:
    DashboardRepository(Connection& c, std::string today) : c_(c), today_(std::move(today)) {}

    // One page of the table, newest engagement first (keyset on the id), with its total.
    core::Page<core::DashboardRow> page(const core::DashboardFilter& filter,
                                        const core::PageRequest& page);
    // Every row of the filtered table, newest first, at most `limit` (the export).
    std::vector<core::DashboardRow> rows(const core::DashboardFilter& filter, long long limit);
    long long count(const core::DashboardFilter& filter);
    core::DashboardSummary summary(const core::DashboardFilter& filter);
    // Every expert (active or not) by name, with their workload; keyset on (name, id).
    core::Page<core::ExpertWorkload> experts(const core::PageRequest& page);

  private:
    std::vector<core::DashboardRow> read(const core::DashboardFilter& filter,
                                         const std::optional<std::string>& after, long long limit);
    std::vector<core::DashboardRow> read_ids(const std::vector<core::Id>& ids);  // newest first
    void attach_details(std::vector<core::DashboardRow>& rows);

    Connection& c_;
    std::string today_;
};

// The SQL of one session's progress (aliases s = engagement_sessions, r = session_reports),
// coded 0–5 in the order of core::SessionProgress; exposed for the test that checks it
// against core::progress_of on every combination.
const std::string& session_progress_sql();

}  // namespace shido::storage
