-- {{ID}} becomes the engine's auto-increment primary key; everything else is portable SQL.
-- Times are BIGINT seconds since the Unix epoch (UTC); dates are TEXT 'YYYY-MM-DD'.
CREATE TABLE companies (
  id {{ID}},
  name TEXT NOT NULL,
  industry TEXT NOT NULL DEFAULT '',
  employee_count INTEGER,
  address TEXT NOT NULL DEFAULT '',
  website TEXT NOT NULL DEFAULT '',
  representative_title TEXT NOT NULL DEFAULT '',
  representative_name TEXT NOT NULL DEFAULT '',
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);

CREATE TABLE users (
  id {{ID}},
  email TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('secretariat', 'expert', 'company')),
  company_id BIGINT REFERENCES companies(id),
  company_role TEXT CHECK (company_role IN ('owner', 'manager')),
  password_hash TEXT NOT NULL,
  active INTEGER NOT NULL DEFAULT 1,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  CHECK ((role = 'company') = (company_id IS NOT NULL))
);

CREATE TABLE engagements (
  id {{ID}},
  company_id BIGINT NOT NULL REFERENCES companies(id),
  expert_id BIGINT REFERENCES users(id),
  status TEXT NOT NULL CHECK (status IN ('planned', 'in_progress', 'completed', 'cancelled')),
  version INTEGER NOT NULL DEFAULT 1,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE INDEX engagements_by_expert ON engagements(expert_id);
CREATE INDEX engagements_by_company ON engagements(company_id);

CREATE TABLE engagement_sessions (
  engagement_id BIGINT NOT NULL REFERENCES engagements(id) ON DELETE CASCADE,
  session_no INTEGER NOT NULL CHECK (session_no BETWEEN 1 AND 4),
  planned_date TEXT,
  PRIMARY KEY (engagement_id, session_no)
);

-- Server-side login sessions: only the SHA-256 of the token is stored.
CREATE TABLE auth_sessions (
  token_hash TEXT PRIMARY KEY,
  user_id BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  csrf_token TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  last_seen_at BIGINT NOT NULL,
  expires_at BIGINT NOT NULL
);
CREATE INDEX auth_sessions_by_user ON auth_sessions(user_id);

CREATE TABLE login_attempts (
  scope TEXT NOT NULL,
  subject TEXT NOT NULL,
  failures INTEGER NOT NULL,
  window_start BIGINT NOT NULL,
  PRIMARY KEY (scope, subject)
);

CREATE TABLE audit_log (
  id {{ID}},
  at BIGINT NOT NULL,
  actor_id BIGINT,
  actor_name TEXT NOT NULL,
  action TEXT NOT NULL,
  entity TEXT NOT NULL,
  entity_id BIGINT,
  engagement_id BIGINT,
  before_json TEXT,
  after_json TEXT,
  request_id TEXT NOT NULL DEFAULT ''
);
CREATE INDEX audit_by_entity ON audit_log(entity, entity_id);
CREATE INDEX audit_by_engagement ON audit_log(engagement_id);
