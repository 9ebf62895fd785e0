-- アンケート: the owner's evaluation of the guidance, one response per engagement.
--
-- The answers are one JSON document ({"ratings": {item: choice}, "comments": {question: text}})
-- kept with the form (survey id + version) they were answered on: a new form version is a new
-- content file, and old responses stay readable against the form they answered. The response is
-- saved whole (a few small fields), so one version per response guards every write; once
-- submitted it never changes.
CREATE TABLE survey_responses (
  engagement_id BIGINT PRIMARY KEY REFERENCES engagements(id) ON DELETE CASCADE,
  survey_id TEXT NOT NULL,
  survey_version INTEGER NOT NULL,
  answers_json TEXT NOT NULL,
  state TEXT NOT NULL CHECK (state IN ('draft', 'submitted')),
  version INTEGER NOT NULL DEFAULT 1,
  updated_by BIGINT REFERENCES users(id),
  updated_at BIGINT NOT NULL,
  submitted_by BIGINT REFERENCES users(id),
  submitted_at BIGINT
);

-- The secretariat's results read the submitted responses of a period.
CREATE INDEX survey_responses_submitted ON survey_responses(state, submitted_at);
