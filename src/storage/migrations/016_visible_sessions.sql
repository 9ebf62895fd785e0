-- A session opened before 015 has no public id: its owner could neither see it in the list
-- nor end it alone. Such sessions end here (they would within 12 hours anyway).
DELETE FROM auth_sessions WHERE public_id IS NULL;

-- A secretariat's reset and a new login end the person's pending challenges.
CREATE INDEX login_challenges_by_user ON login_challenges(user_id);
