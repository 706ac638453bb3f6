-- Issue 15 (derived data): a partner's feedback counts once per release. A second feedback is refused (409); the
-- first stands. Duplicates from before keep only the first one received (what the partner said first), so the
-- statistics count each (release, partner) once.
DELETE FROM feedback f USING feedback g
    WHERE f.release_id = g.release_id AND f.partner_code = g.partner_code
      AND (f.received_at, f.id) > (g.received_at, g.id);
CREATE UNIQUE INDEX feedback_once_idx ON feedback (release_id, partner_code);
