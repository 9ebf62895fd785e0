-- 情報セキュリティ基本方針: every saved version of an engagement's policy is kept (never changed
-- once approved; a change is a new version), and one head row per engagement says which is the
-- newest, which the owner approved, which the expert submitted to the secretariat, and guards
-- every write with its version. The public page's token is stored only as its SHA-256.
CREATE TABLE policy_documents (
  engagement_id BIGINT PRIMARY KEY REFERENCES engagements(id) ON DELETE CASCADE,
  latest_number INTEGER NOT NULL,
  approved_number INTEGER,
  submitted_number INTEGER,
  submitted_at BIGINT,
  public_token_hash TEXT UNIQUE,
  public_number INTEGER,
  version INTEGER NOT NULL DEFAULT 1,
  updated_at BIGINT NOT NULL
);

CREATE TABLE policy_versions (
  id {{ID}},
  engagement_id BIGINT NOT NULL REFERENCES engagements(id) ON DELETE CASCADE,
  number INTEGER NOT NULL CHECK (number >= 1),
  document_json TEXT NOT NULL,
  note TEXT NOT NULL DEFAULT '',
  created_by BIGINT REFERENCES users(id),
  created_by_name TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  approved_by BIGINT REFERENCES users(id),
  approved_by_name TEXT,
  approved_at BIGINT,
  UNIQUE (engagement_id, number)
);
