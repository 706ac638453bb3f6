-- Issue 15: a release keeps the lineage it was checked against ('partner:TLP' entries, common Lineage): the
-- product's at drafting time, and for a correction also the lineage of the release it corrects.
ALTER TABLE release ADD COLUMN lineage text[] NOT NULL DEFAULT '{}';

-- Releases drafted before lineage existed knew only the originating partners: their TLP is unknown, so AMBER (the
-- conservative default of unmarked partner material).
UPDATE release SET lineage = ARRAY(SELECT p || ':AMBER' FROM unnest(originator_partners) AS p ORDER BY p)
    WHERE cardinality(originator_partners) > 0;

-- What was released never changes, lineage and originators included.
CREATE OR REPLACE FUNCTION release_immutable_once_released() RETURNS trigger
    LANGUAGE plpgsql
AS $$
BEGIN
    IF OLD.status IN ('RELEASED', 'ACKNOWLEDGED', 'FEEDBACK_RECEIVED') AND (
           NEW.title IS DISTINCT FROM OLD.title OR NEW.summary IS DISTINCT FROM OLD.summary
        OR NEW.tear_line IS DISTINCT FROM OLD.tear_line OR NEW.tlp IS DISTINCT FROM OLD.tlp
        OR NEW.partner_codes IS DISTINCT FROM OLD.partner_codes OR NEW.product_id IS DISTINCT FROM OLD.product_id
        OR NEW.product_version IS DISTINCT FROM OLD.product_version
        OR NEW.classification IS DISTINCT FROM OLD.classification
        OR NEW.compartments IS DISTINCT FROM OLD.compartments OR NEW.category IS DISTINCT FROM OLD.category
        OR NEW.stix_extras IS DISTINCT FROM OLD.stix_extras OR NEW.released_at IS DISTINCT FROM OLD.released_at
        OR NEW.lineage IS DISTINCT FROM OLD.lineage
        OR NEW.originator_partners IS DISTINCT FROM OLD.originator_partners
        OR NEW.status IN ('DRAFT', 'PENDING_APPROVAL')) THEN
        RAISE EXCEPTION 'release % was released and is immutable', OLD.id;
    END IF;
    RETURN NEW;
END
$$;
