-- Issue 15: a consent is an accountable act. Scope = one product, or one category within a validity window of at most
-- a year; it counts only once APPROVED by a supervisor of the recording agency who did not record it; revocable.
ALTER TABLE consent
    ADD COLUMN category        text,
    ADD COLUMN valid_from      date,
    ADD COLUMN valid_to        date,
    ADD COLUMN owner_agency    text,
    ADD COLUMN status          text        NOT NULL DEFAULT 'PENDING',
    ADD COLUMN decided_by      text,
    ADD COLUMN decided_at      timestamptz,
    ADD COLUMN revoked_by      text,
    ADD COLUMN revoked_at      timestamptz,
    ADD COLUMN revoke_reason   text,
    ADD COLUMN version         bigint      NOT NULL DEFAULT 0;

-- Existing consents were recorded by an officer under the old rules. Product-scoped ones named the originator's
-- letter for one product: they stay in force, marked as approved by this migration. Open-ended blanket consents
-- ("any product", no window) are not valid any more: they are EXPIRED and must be recorded again with a scope.
UPDATE consent SET status = 'APPROVED', decided_by = 'migration:V15_3', decided_at = now()
    WHERE product_id IS NOT NULL;
UPDATE consent SET status = 'EXPIRED', decided_by = 'migration:V15_3', decided_at = now()
    WHERE product_id IS NULL;
UPDATE consent c SET owner_agency = p.owner_agency FROM partner p WHERE p.code = c.recipient_partner;
UPDATE consent SET owner_agency = '' WHERE owner_agency IS NULL;
ALTER TABLE consent ALTER COLUMN owner_agency SET NOT NULL;

ALTER TABLE consent
    ADD CONSTRAINT consent_status_valid CHECK (status IN ('PENDING', 'APPROVED', 'REJECTED', 'REVOKED', 'EXPIRED')),
    ADD CONSTRAINT consent_one_scope CHECK (status = 'EXPIRED' OR ((product_id IS NULL) <> (category IS NULL))),
    ADD CONSTRAINT consent_category_window CHECK (category IS NULL OR (valid_from IS NOT NULL AND valid_to IS NOT NULL
        AND valid_to >= valid_from AND valid_to <= valid_from + INTERVAL '1 year')),
    ADD CONSTRAINT consent_four_eyes CHECK (status NOT IN ('APPROVED', 'REJECTED') OR decided_by <> recorded_by);
CREATE INDEX consent_in_force_idx ON consent (originator_partner, recipient_partner) WHERE status = 'APPROVED';
