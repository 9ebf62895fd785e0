-- 【様式1】ヒアリングシート: one sheet per engagement (the template edition it started on and
-- the copy last submitted to the secretariat) and one row per item written or added.

-- Made at the first write. The secretariat reads only submitted_json (what the expert handed
-- in), never the entries, which are the expert's and the company's working notes.
CREATE TABLE hearing_sheets (
  engagement_id BIGINT PRIMARY KEY REFERENCES engagements(id) ON DELETE CASCADE,
  sheet_id TEXT NOT NULL,
  sheet_version INTEGER NOT NULL,
  submitted_json TEXT,
  submitted_at BIGINT,
  submitted_by BIGINT REFERENCES users(id),
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);

-- An item of the template has item_key (e.g. '5.3'); an item the expert added for this
-- engagement has none and its own label. Each row has its own version, so two people writing
-- different items never conflict.
CREATE TABLE hearing_entries (
  id {{ID}},
  engagement_id BIGINT NOT NULL REFERENCES hearing_sheets(engagement_id) ON DELETE CASCADE,
  item_key TEXT,
  section_no INTEGER NOT NULL CHECK (section_no >= 1),
  label TEXT NOT NULL DEFAULT '',
  preparation TEXT NOT NULL DEFAULT '',
  result TEXT NOT NULL DEFAULT '',
  unclear INTEGER NOT NULL DEFAULT 0 CHECK (unclear IN (0, 1)),
  unclear_by BIGINT REFERENCES users(id),
  unclear_at BIGINT,
  version INTEGER NOT NULL DEFAULT 1,
  updated_by BIGINT REFERENCES users(id),
  updated_at BIGINT NOT NULL,
  UNIQUE (engagement_id, item_key)
);
CREATE INDEX hearing_entries_by_engagement ON hearing_entries(engagement_id, section_no, id);
