#pragma once
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "core/course/session_progress.hpp"
#include "core/documents/document_state.hpp"
#include "core/engagements/engagement.hpp"
#include "core/ids.hpp"

namespace shido::core {

// The secretariat's dashboard: every engagement with where its sessions stand.
//
// An engagement's state is the progress of its *current session*: the first session (by
// number) whose 実施報告 is not yet accepted; when every report is accepted, the last session
// (so the state is 報告受理). Sessions are held in order, so this is the session the work is
// at: 報告提出 means a report waits for the secretariat, 予定 the next session is dated.
// storage/dashboard computes the same in SQL; a test checks the two agree.
struct CurrentSession {
    int no = 0;  // 0 when the engagement has no sessions
    SessionProgress progress = SessionProgress::unplanned;
};
CurrentSession current_session(std::span<const SessionProgress> by_number);

struct DashboardSession {
    int no = 1;
    std::optional<std::string> planned_date;
    std::optional<std::string> held_on;
    SessionProgress progress = SessionProgress::unplanned;
};

struct DashboardRow {
    Id id = 0;
    Id company_id = 0;
    std::string company_name;
    std::string industry;
    std::optional<Id> expert_id;
    std::optional<std::string> expert_name;
    EngagementStatus status = EngagementStatus::planned;
    int version = 1;
    std::vector<DashboardSession> sessions;  // by number, 1…N
    CurrentSession current;
    // The first planned date, today or later, of a session not yet held.
    std::optional<std::string> next_date;
    long long overdue_tasks = 0;    // open tasks (either side) due before today (Japan)
    long long reports_waiting = 0;  // 実施報告 submitted, waiting for the secretariat
    // The documents handed to the secretariat, in the order of documents::document_kinds.
    std::vector<documents::DocumentKind> submitted_documents;
};

// Filters of the table; each one narrows. `state` is the current session's progress.
struct DashboardFilter {
    std::optional<std::string> industry;  // exact
    std::optional<Id> expert_id;
    bool unassigned = false;  // engagements without an expert
    std::optional<EngagementStatus> status;
    std::optional<SessionProgress> state;
    std::string company_name_contains;
};

struct StateCount {
    SessionProgress state = SessionProgress::unplanned;
    long long engagements = 0;
};

struct IndustryCount {
    std::string industry;
    long long engagements = 0;
};

// The counts above the table. `by_state` (one entry per progress, in order) applies every
// filter but the state, so each count says what choosing that state would show; the totals
// apply every filter. `industries` counts all engagements (the filter's choices).
struct DashboardSummary {
    long long engagements = 0;
    long long unassigned = 0;
    long long reports_waiting = 0;
    long long overdue_tasks = 0;
    std::vector<StateCount> by_state;
    std::vector<IndustryCount> industries;
};

// One expert's workload: engagements in 準備中 or 指導中, their sessions planned in the next
// 30 days (today included, not yet held), their reports waiting and their overdue tasks.
struct ExpertWorkload {
    Id expert_id = 0;
    std::string name;
    bool active = true;
    long long active_engagements = 0;
    long long sessions_next_30_days = 0;
    long long reports_waiting = 0;
    long long overdue_tasks = 0;
};

inline constexpr int workload_days = 30;

// What the .xlsx export renders: the rows of the filtered table and what was filtered.
struct DashboardExport {
    std::string generated_on;          // YYYY-MM-DD, Japan
    std::vector<std::string> filters;  // 「業種: 製造業」…, for the sheet's heading
    std::vector<DashboardRow> rows;
    int sessions = 0;  // the most sessions any row has (columns)
};

inline constexpr long long max_export_rows = 20000;

}  // namespace shido::core
