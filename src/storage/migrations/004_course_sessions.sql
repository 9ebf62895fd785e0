-- An engagement keeps the course it was opened with (content/curriculum/<id>.json, version);
-- its sessions are rows made from that course, as many as the course has, each with its
-- date, times, and whether it is held on site (訪問) or by web meeting (Web会議).
-- Engagements made before this migration were opened on the standard course, version 1.
ALTER TABLE engagements ADD COLUMN course_id TEXT NOT NULL DEFAULT 'standard-4';
ALTER TABLE engagements ADD COLUMN course_version INTEGER NOT NULL DEFAULT 1;

CREATE TABLE engagement_sessions_new (
  engagement_id BIGINT NOT NULL REFERENCES engagements(id) ON DELETE CASCADE,
  session_no INTEGER NOT NULL CHECK (session_no >= 1),
  planned_date TEXT,
  start_time TEXT,
  end_time TEXT,
  mode TEXT CHECK (mode IN ('visit', 'web')),
  meeting_tool TEXT,
  meeting_url TEXT,
  place TEXT,
  PRIMARY KEY (engagement_id, session_no)
);
INSERT INTO engagement_sessions_new (engagement_id, session_no, planned_date)
  SELECT engagement_id, session_no, planned_date FROM engagement_sessions;
DROP TABLE engagement_sessions;
ALTER TABLE engagement_sessions_new RENAME TO engagement_sessions;
