-- A private calendar subscription per user: calendar programs poll
-- /api/v1/calendar-feeds/<token>/calendar.ics. Only the SHA-256 of the token is stored (as for
-- login sessions). Rotating replaces the hash (the old URL stops working); revoking deletes
-- the row; deleting the user deletes it.
CREATE TABLE calendar_feeds (
  user_id BIGINT PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
  token_hash TEXT NOT NULL UNIQUE,
  created_at BIGINT NOT NULL,
  last_polled_at BIGINT
);
