-- Issue 15: raising an agreement's ceiling or adding categories waits for a supervisor who did not propose it; the
-- proposal is kept beside the agreement in force (lowering applies at once).
ALTER TABLE agreement
    ADD COLUMN pending_ceiling    smallint CHECK (pending_ceiling BETWEEN 0 AND 4),
    ADD COLUMN pending_categories text[],
    ADD COLUMN proposed_by        text,
    ADD COLUMN proposed_at        timestamptz,
    ADD CONSTRAINT agreement_pending_whole CHECK ((pending_ceiling IS NULL) = (pending_categories IS NULL)
        AND (pending_ceiling IS NULL) = (proposed_by IS NULL));
