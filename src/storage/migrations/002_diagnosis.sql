-- 自社診断: rounds of the self-assessment per engagement, one respondent per answer sheet
-- (invited by link, typed in from paper, or imported from CSV), their answers, and the
-- expert's findings per item (課題整理).
CREATE TABLE diagnosis_rounds (
  id {{ID}},
  engagement_id BIGINT NOT NULL REFERENCES engagements(id),
  instrument_id TEXT NOT NULL,
  name TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('open', 'closed')),
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE INDEX diagnosis_rounds_by_engagement ON diagnosis_rounds(engagement_id);

-- Only the SHA-256 of a respondent's link token is stored; paper and CSV sheets have none.
CREATE TABLE respondents (
  id {{ID}},
  round_id BIGINT NOT NULL REFERENCES diagnosis_rounds(id),
  role TEXT NOT NULL CHECK (role IN ('owner', 'manager', 'staff')),
  name TEXT NOT NULL DEFAULT '',
  department TEXT NOT NULL DEFAULT '',
  source TEXT NOT NULL CHECK (source IN ('link', 'paper', 'csv')),
  token_hash TEXT UNIQUE,
  expires_on TEXT,
  revoked_at BIGINT,
  submitted_at BIGINT,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE INDEX respondents_by_round ON respondents(round_id);

CREATE TABLE diagnosis_answers (
  respondent_id BIGINT NOT NULL REFERENCES respondents(id),
  item_no INTEGER NOT NULL,
  choice TEXT NOT NULL,
  answered_at BIGINT NOT NULL,
  PRIMARY KEY (respondent_id, item_no)
);

CREATE TABLE diagnosis_findings (
  round_id BIGINT NOT NULL REFERENCES diagnosis_rounds(id),
  item_no INTEGER NOT NULL,
  instrument_id TEXT NOT NULL,
  notes TEXT NOT NULL DEFAULT '',
  finding TEXT NOT NULL DEFAULT '',
  urgency TEXT CHECK (urgency IN ('high', 'medium', 'low')),
  importance TEXT CHECK (importance IN ('high', 'medium', 'low')),
  difficulty TEXT CHECK (difficulty IN ('easy', 'medium', 'hard')),
  key_area INTEGER NOT NULL DEFAULT 0,
  updated_at BIGINT NOT NULL,
  PRIMARY KEY (round_id, item_no)
);
