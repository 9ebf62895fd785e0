-- 【様式3】業界ガイドライン適合のための対策実行計画書: one plan per engagement, its rows
-- (measures), and every version the owner approved.
--
-- The version is the plan's, not a row's: the sheet is saved whole (from the screen or an
-- edited .xlsx), and the owner approves the plan as a whole, so one number says which state
-- was approved and which was handed to the secretariat.
CREATE TABLE action_plans (
  engagement_id BIGINT PRIMARY KEY REFERENCES engagements(id) ON DELETE CASCADE,
  content_id TEXT NOT NULL,
  content_version INTEGER NOT NULL,
  version INTEGER NOT NULL DEFAULT 1,
  updated_by BIGINT REFERENCES users(id),
  updated_at BIGINT NOT NULL,
  approved_version INTEGER,
  approved_by BIGINT REFERENCES users(id),
  approved_at BIGINT,
  -- What the secretariat reads: an approved version as the expert handed it in (JSON).
  submitted_version INTEGER,
  submitted_at BIGINT,
  submitted_json TEXT
);

-- sources_json: where the row came from ([{"kind": "finding"|"rule", "key": …}]), set when
-- the plan is built and never taken from a client, so the thread back stays true.
CREATE TABLE action_plan_measures (
  id {{ID}},
  engagement_id BIGINT NOT NULL REFERENCES action_plans(engagement_id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  area_key TEXT NOT NULL,
  situation TEXT NOT NULL DEFAULT '',
  action TEXT NOT NULL DEFAULT '',
  business_linked INTEGER NOT NULL DEFAULT 0,
  urgency TEXT CHECK (urgency IS NULL OR urgency IN ('high', 'medium', 'low')),
  importance TEXT CHECK (importance IS NULL OR importance IN ('high', 'medium', 'low')),
  difficulty TEXT CHECK (difficulty IS NULL OR difficulty IN ('easy', 'medium', 'hard')),
  feasibility TEXT CHECK (feasibility IS NULL OR feasibility IN ('feasible', 'not_feasible')),
  deadline TEXT,
  concerns TEXT NOT NULL DEFAULT '',
  owner TEXT NOT NULL DEFAULT '',
  progress TEXT NOT NULL DEFAULT 'not_started'
    CHECK (progress IN ('not_started', 'in_progress', 'done', 'dropped')),
  sources_json TEXT NOT NULL DEFAULT '[]'
);
CREATE INDEX action_plan_measures_by_engagement ON action_plan_measures(engagement_id, position);

-- Each approved version kept as it was, so a later change is a new version and the approved
-- one can still be read and exported.
CREATE TABLE action_plan_versions (
  engagement_id BIGINT NOT NULL REFERENCES action_plans(engagement_id) ON DELETE CASCADE,
  version INTEGER NOT NULL,
  measures_json TEXT NOT NULL,
  approved_by BIGINT NOT NULL REFERENCES users(id),
  approved_at BIGINT NOT NULL,
  PRIMARY KEY (engagement_id, version)
);
