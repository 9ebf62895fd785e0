-- 【様式2】関連規程類の点検結果シート: one sheet per engagement, one row per rule category.
--
-- The version is kept per sheet, not per row: the import replaces all rows at once and the
-- summary and the submission are of the whole sheet, so one version makes an import from an
-- older download, a row saved from an older screen and a submission of an older state all
-- refuse instead of mixing two states of the sheet. Rows are few (11) and saved one at a time,
-- so the cost is only that two people editing at the same moment see a 409 and reload.
CREATE TABLE rules_checks (
  engagement_id BIGINT PRIMARY KEY REFERENCES engagements(id) ON DELETE CASCADE,
  regulations_id TEXT NOT NULL,
  regulations_version INTEGER NOT NULL,
  version INTEGER NOT NULL DEFAULT 1,
  updated_by BIGINT REFERENCES users(id),
  updated_at BIGINT NOT NULL,
  -- What the secretariat reads: the sheet as the expert handed it in (JSON), and which version.
  submitted_json TEXT,
  submitted_version INTEGER,
  submitted_by BIGINT REFERENCES users(id),
  submitted_at BIGINT
);

-- category_key "<regulations id>/<no>" is the stable link the action plan takes over.
CREATE TABLE rules_check_rows (
  engagement_id BIGINT NOT NULL REFERENCES rules_checks(engagement_id) ON DELETE CASCADE,
  category_no INTEGER NOT NULL CHECK (category_no >= 1),
  category_key TEXT NOT NULL,
  result TEXT CHECK (result IS NULL OR result IN ('new', 'revised', 'unchanged', 'not_needed')),
  content TEXT NOT NULL DEFAULT '',
  assignee TEXT NOT NULL DEFAULT '',
  due_date TEXT,
  upkeep TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (engagement_id, category_no),
  UNIQUE (engagement_id, category_key)
);
