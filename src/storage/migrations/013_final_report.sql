-- 最終報告書: one per engagement, written by the expert and reviewed by the secretariat along
-- the 実施報告's workflow (core::report_transitions(): draft/returned → submitted → returned |
-- accepted). body_json is the expert's working copy (section texts and the facts the draft was
-- written from); submitted_json the copy the secretariat received at the latest submission.
CREATE TABLE final_reports (
  engagement_id BIGINT PRIMARY KEY REFERENCES engagements(id) ON DELETE CASCADE,
  state TEXT NOT NULL CHECK (state IN ('draft', 'submitted', 'returned', 'accepted')),
  body_json TEXT NOT NULL,
  submitted_json TEXT,
  submitted_at BIGINT,
  version INTEGER NOT NULL DEFAULT 1,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);

-- Every move of a final report: who, when, the comment (required when returned).
CREATE TABLE final_report_steps (
  id {{ID}},
  engagement_id BIGINT NOT NULL REFERENCES final_reports(engagement_id) ON DELETE CASCADE,
  from_state TEXT NOT NULL,
  to_state TEXT NOT NULL,
  actor_id BIGINT REFERENCES users(id),
  actor_name TEXT NOT NULL,
  comment TEXT NOT NULL DEFAULT '',
  at BIGINT NOT NULL
);
CREATE INDEX final_report_steps_by_report ON final_report_steps(engagement_id);
