-- Issue 15: a release keeps the lineage it was checked against ('partner:TLP' entries, common Lineage): the
-- product's at drafting time, and for a correction also the lineage of the release it corrects.
ALTER TABLE release ADD COLUMN lineage text[] NOT NULL DEFAULT '{}';

-- Releases drafted before lineage existed knew only the originating partners: their TLP is unknown, so AMBER (the
-- conservative default of unmarked partner material).
UPDATE release SET lineage = ARRAY(SELECT p || ':AMBER' FROM unnest(originator_partners) AS p ORDER BY p)
    WHERE cardinality(originator_partners) > 0;

-- What was released never changes (V2 trigger), and neither does where it came from.
CREATE FUNCTION release_lineage_fixed_once_released() RETURNS trigger
    LANGUAGE plpgsql
AS $$
BEGIN
    IF OLD.status IN ('RELEASED', 'ACKNOWLEDGED', 'FEEDBACK_RECEIVED') THEN
        RAISE EXCEPTION 'release % was released and is immutable', OLD.id;
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER release_lineage_immutable BEFORE UPDATE OF lineage, originator_partners ON release
    FOR EACH ROW WHEN (NEW.lineage IS DISTINCT FROM OLD.lineage
                       OR NEW.originator_partners IS DISTINCT FROM OLD.originator_partners)
    EXECUTE FUNCTION release_lineage_fixed_once_released();
