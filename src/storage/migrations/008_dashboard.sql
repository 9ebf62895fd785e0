-- The secretariat's dashboard (storage/dashboard): the state of every engagement is computed
-- from its sessions and reports on each request, so the scan it makes reads indexes only.
CREATE INDEX engagement_sessions_progress
  ON engagement_sessions(engagement_id, session_no, planned_date, held_on);
CREATE INDEX session_reports_progress ON session_reports(engagement_id, session_no, state);
-- Filters: industry (exact), overdue tasks and waiting reports per engagement.
CREATE INDEX companies_by_industry ON companies(industry, id);
CREATE INDEX engagement_tasks_open_by_engagement
  ON engagement_tasks(engagement_id, due_date) WHERE done_at IS NULL;
