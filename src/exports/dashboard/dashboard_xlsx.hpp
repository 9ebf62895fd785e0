#pragma once
#include <string>

#include "core/dashboard/dashboard.hpp"

namespace shido::exports {

// The dashboard's table as the bytes of an .xlsx file: one sheet 「指導案件一覧」 with the
// date, the filters in use, and one row per engagement (company, industry, expert, status,
// the current session and its state, each session's state and date, the next date, overdue
// tasks, reports waiting). Every text cell goes through neutralise_cell() and is a string.
// Throws std::runtime_error when the file cannot be written.
std::string write_dashboard_xlsx(const core::DashboardExport& table);

inline constexpr const char* dashboard_title = "指導案件一覧";

}  // namespace shido::exports
