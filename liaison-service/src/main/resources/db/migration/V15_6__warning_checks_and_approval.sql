-- Issue 15: threat warnings go through the release checks (agreement, ceiling, category, third-party rule, TLP)
-- and, at SECRET and above, wait for a second person's approval before they reach the partner.

-- Every warning names a category of the agreement vocabulary. Warnings issued before categories existed were
-- duty-to-warn messages about attacks: TERRORISM is the closest category and the one the UI offered.
ALTER TABLE warning ADD COLUMN category text NOT NULL DEFAULT 'TERRORISM'
    CHECK (category IN ('TERRORISM', 'VIOLENT_EXTREMISM', 'ORGANISED_CRIME', 'HUMAN_TRAFFICKING'));
ALTER TABLE warning ALTER COLUMN category DROP DEFAULT;

-- The product a warning may cite, and the lineage ('partner:TLP', common Lineage) it was checked against.
ALTER TABLE warning ADD COLUMN product_id uuid;
ALTER TABLE warning ADD COLUMN lineage text[] NOT NULL DEFAULT '{}';

-- PENDING_APPROVAL warnings have not reached the partner: no issue time, no deadline, no escalation clock.
-- Existing warnings were issued at once: ISSUED.
ALTER TABLE warning ADD COLUMN status text NOT NULL DEFAULT 'ISSUED'
    CHECK (status IN ('PENDING_APPROVAL', 'ISSUED', 'REJECTED'));
ALTER TABLE warning ALTER COLUMN status DROP DEFAULT;
ALTER TABLE warning ADD COLUMN approved_by text;
ALTER TABLE warning ADD COLUMN approved_at timestamptz;
ALTER TABLE warning ADD COLUMN rejected_by text;
ALTER TABLE warning ADD COLUMN rejection_reason text;
ALTER TABLE warning ALTER COLUMN issued_at DROP NOT NULL;
ALTER TABLE warning ALTER COLUMN deadline_at DROP NOT NULL;
ALTER TABLE warning ADD CONSTRAINT warning_issued_has_deadline
    CHECK (status <> 'ISSUED' OR (issued_at IS NOT NULL AND deadline_at IS NOT NULL));

DROP INDEX warning_due_idx;
CREATE INDEX warning_due_idx ON warning (deadline_at)
    WHERE status = 'ISSUED' AND acknowledged_at IS NULL AND escalated_at IS NULL;
