-- The course as it is run: preparation tasks on both sides, the company's confirmations
-- before the first session (依頼・調整事項), a record per held session, the 実施報告 after each
-- session with every transition of its review, and who opened the company's records.

-- Tasks before a session. Tasks made from the course carry a course_key so they are made
-- once (UNIQUE), and follow their session's date until someone sets a date of their own.
CREATE TABLE engagement_tasks (
  id {{ID}},
  engagement_id BIGINT NOT NULL REFERENCES engagements(id) ON DELETE CASCADE,
  session_no INTEGER NOT NULL CHECK (session_no >= 1),
  side TEXT NOT NULL CHECK (side IN ('company', 'expert')),
  title TEXT NOT NULL,
  origin TEXT NOT NULL CHECK (origin IN ('course', 'added', 'request')),
  course_key TEXT,
  requested_in INTEGER,
  due_date TEXT,
  due_date_set INTEGER NOT NULL DEFAULT 0,
  done_at BIGINT,
  done_by BIGINT REFERENCES users(id),
  created_by BIGINT REFERENCES users(id),
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  UNIQUE (engagement_id, course_key)
);
CREATE INDEX engagement_tasks_by_engagement ON engagement_tasks(engagement_id, session_no);
CREATE INDEX engagement_tasks_open_by_due ON engagement_tasks(due_date) WHERE done_at IS NULL;

-- 依頼・調整事項: one row per engagement, each part stamped with who confirmed it and when.
CREATE TABLE engagement_confirmations (
  engagement_id BIGINT PRIMARY KEY REFERENCES engagements(id) ON DELETE CASCADE,
  meeting_room TEXT NOT NULL DEFAULT '',
  projector TEXT NOT NULL DEFAULT '',
  web_experience TEXT NOT NULL DEFAULT '',
  web_tool TEXT NOT NULL DEFAULT '',
  special_request TEXT NOT NULL DEFAULT '',
  arrangements_by BIGINT REFERENCES users(id),
  arrangements_at BIGINT,
  info_handling_version INTEGER,
  info_handling_by BIGINT REFERENCES users(id),
  info_handling_at BIGINT,
  version INTEGER NOT NULL DEFAULT 1
);

CREATE TABLE engagement_participants (
  id {{ID}},
  engagement_id BIGINT NOT NULL REFERENCES engagements(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  name TEXT NOT NULL,
  title TEXT NOT NULL DEFAULT '',
  kind TEXT NOT NULL CHECK (kind IN ('executive', 'business_leader', 'it_person', 'other')),
  recorded_by BIGINT REFERENCES users(id),
  recorded_at BIGINT NOT NULL
);
CREATE INDEX engagement_participants_by_engagement ON engagement_participants(engagement_id);

-- What happened in a session: attendees, the agenda with actual times and notes (JSON arrays,
-- always read and written whole), decisions. When it took place is engagement_sessions.held_on.
CREATE TABLE session_records (
  engagement_id BIGINT NOT NULL REFERENCES engagements(id) ON DELETE CASCADE,
  session_no INTEGER NOT NULL,
  attendees_json TEXT NOT NULL DEFAULT '[]',
  agenda_json TEXT NOT NULL DEFAULT '[]',
  decisions TEXT NOT NULL DEFAULT '',
  version INTEGER NOT NULL DEFAULT 1,
  updated_by BIGINT REFERENCES users(id),
  updated_at BIGINT NOT NULL,
  PRIMARY KEY (engagement_id, session_no)
);

-- A session moved to another date, and why.
CREATE TABLE session_moves (
  id {{ID}},
  engagement_id BIGINT NOT NULL REFERENCES engagements(id) ON DELETE CASCADE,
  session_no INTEGER NOT NULL,
  from_date TEXT,
  to_date TEXT NOT NULL,
  reason TEXT NOT NULL,
  moved_by BIGINT REFERENCES users(id),
  moved_at BIGINT NOT NULL
);
CREATE INDEX session_moves_by_engagement ON session_moves(engagement_id, session_no);

-- 実施報告: the expert's working copy (body_json) and, once submitted, the copy the secretariat
-- reads (submitted_json), frozen when accepted.
CREATE TABLE session_reports (
  id {{ID}},
  engagement_id BIGINT NOT NULL REFERENCES engagements(id) ON DELETE CASCADE,
  session_no INTEGER NOT NULL,
  state TEXT NOT NULL CHECK (state IN ('draft', 'submitted', 'returned', 'accepted')),
  body_json TEXT NOT NULL,
  submitted_json TEXT,
  version INTEGER NOT NULL DEFAULT 1,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  UNIQUE (engagement_id, session_no)
);
CREATE INDEX session_reports_by_state ON session_reports(state);

CREATE TABLE report_transitions (
  id {{ID}},
  report_id BIGINT NOT NULL REFERENCES session_reports(id) ON DELETE CASCADE,
  from_state TEXT NOT NULL,
  to_state TEXT NOT NULL,
  actor_id BIGINT REFERENCES users(id),
  actor_name TEXT NOT NULL,
  comment TEXT NOT NULL DEFAULT '',
  at BIGINT NOT NULL
);
CREATE INDEX report_transitions_by_report ON report_transitions(report_id);

-- Who outside the company opened its records or submissions, for the owner to see.
CREATE TABLE record_reads (
  id {{ID}},
  engagement_id BIGINT NOT NULL REFERENCES engagements(id) ON DELETE CASCADE,
  reader_id BIGINT REFERENCES users(id),
  reader_name TEXT NOT NULL,
  reader_role TEXT NOT NULL,
  record TEXT NOT NULL,
  path TEXT NOT NULL,
  at BIGINT NOT NULL
);
CREATE INDEX record_reads_by_engagement ON record_reads(engagement_id, at);

ALTER TABLE engagement_sessions ADD COLUMN held_on TEXT;
