-- Notifications in the app (one row per recipient) and the e-mail outbox. Both are written in
-- the transaction of the change that caused them (services::notify); a time-based scan that
-- runs again finds its dedupe key taken and writes nothing.
CREATE TABLE notifications (
  id {{ID}},
  recipient_id BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  kind TEXT NOT NULL,
  engagement_id BIGINT REFERENCES engagements(id) ON DELETE CASCADE,
  title TEXT NOT NULL,
  body TEXT NOT NULL,
  link TEXT NOT NULL DEFAULT '',
  dedupe_key TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  read_at BIGINT,
  UNIQUE (recipient_id, dedupe_key)
);
CREATE INDEX notifications_by_recipient ON notifications(recipient_id, id);
CREATE INDEX notifications_unread ON notifications(recipient_id, read_at);

-- One e-mail per row. The Message-ID is made once, at insert, so a retry after an uncertain
-- send is the same message to the receiving server. A server claims a row (status sending,
-- claimed_by, claimed_until) before sending it; a claim past claimed_until is abandoned (its
-- server died) and may be taken again.
CREATE TABLE outbox (
  id {{ID}},
  notification_id BIGINT REFERENCES notifications(id) ON DELETE SET NULL,
  recipient_id BIGINT REFERENCES users(id) ON DELETE SET NULL,
  recipient_address TEXT NOT NULL,
  subject TEXT NOT NULL,
  body TEXT NOT NULL,
  link TEXT NOT NULL DEFAULT '',
  message_id TEXT NOT NULL UNIQUE,
  status TEXT NOT NULL CHECK (status IN ('queued', 'sending', 'sent', 'failed')),
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_at BIGINT NOT NULL,
  last_error TEXT,
  claimed_by TEXT,
  claimed_until BIGINT,
  sent_at BIGINT,
  created_at BIGINT NOT NULL
);
CREATE INDEX outbox_due ON outbox(status, next_attempt_at);
CREATE INDEX outbox_by_status ON outbox(status, id);

-- The daily "session tomorrow" scan reads sessions by date.
CREATE INDEX engagement_sessions_by_date ON engagement_sessions(planned_date);
