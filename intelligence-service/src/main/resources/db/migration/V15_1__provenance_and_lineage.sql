-- Issue 15: structured, write-once provenance of reports; the lineage (originating partner, TLP) of whatever
-- derives from them; report citations on assessments; interventions that foil plots; owners that never change.

-- Provenance: the TLP partner material was received under, and the liaison submission / TAXII object it came from.
ALTER TABLE report
    ADD COLUMN tlp           text CHECK (tlp IN ('CLEAR','GREEN','AMBER','AMBER+STRICT','RED')),
    ADD COLUMN submission_id text CHECK (char_length(submission_id) BETWEEN 1 AND 200);
-- partner material filed before TLP was a field carried no structured marking: the conservative default
UPDATE report SET tlp = 'AMBER' WHERE originator_partner IS NOT NULL AND tlp IS NULL;
ALTER TABLE report
    ADD CONSTRAINT report_tlp_is_partner_material CHECK ((tlp IS NULL) = (originator_partner IS NULL));

-- Write-once, whatever the service code does: a report keeps where it came from.
CREATE FUNCTION report_provenance_fixed() RETURNS trigger
    LANGUAGE plpgsql
AS $$
BEGIN
    IF NEW.source_type IS DISTINCT FROM OLD.source_type
       OR NEW.originator_partner IS DISTINCT FROM OLD.originator_partner
       OR NEW.tlp IS DISTINCT FROM OLD.tlp
       OR NEW.submission_id IS DISTINCT FROM OLD.submission_id THEN
        RAISE EXCEPTION 'the provenance of report % is write-once', OLD.id;
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER report_provenance_write_once BEFORE UPDATE OF source_type, originator_partner, tlp, submission_id
    ON report FOR EACH ROW EXECUTE FUNCTION report_provenance_fixed();

-- Lineage, as 'partner:TLP' entries (common Lineage), computed by the service when the record is written.
ALTER TABLE product
    ADD COLUMN source_product_ids uuid[] NOT NULL DEFAULT '{}',
    ADD COLUMN lineage            text[] NOT NULL DEFAULT '{}';
ALTER TABLE assessment
    ADD COLUMN report_ids uuid[] NOT NULL DEFAULT '{}',
    ADD COLUMN lineage    text[] NOT NULL DEFAULT '{}';
ALTER TABLE intel_case
    ADD COLUMN lineage text[] NOT NULL DEFAULT '{}';

CREATE FUNCTION yz_report_lineage(ids uuid[]) RETURNS text[]
    LANGUAGE sql STABLE
AS $$
    SELECT coalesce(array_agg(DISTINCT r.originator_partner || ':' || r.tlp
                              ORDER BY r.originator_partner || ':' || r.tlp), '{}')
      FROM report r
     WHERE r.id = ANY (ids) AND r.originator_partner IS NOT NULL
$$;
UPDATE product SET lineage = yz_report_lineage(source_report_ids);
UPDATE product SET originator_partners = ARRAY(SELECT DISTINCT split_part(e, ':', 1) FROM unnest(lineage) e ORDER BY 1);
UPDATE intel_case SET lineage = yz_report_lineage(report_ids);
DROP FUNCTION yz_report_lineage(uuid[]);

-- "Is this report used?" (a collector's edit window): citations are looked up by report id.
CREATE INDEX product_source_reports_idx ON product USING gin (source_report_ids);
CREATE INDEX assessment_reports_idx ON assessment USING gin (report_ids);
CREATE INDEX intel_case_reports_idx ON intel_case USING gin (report_ids);
CREATE INDEX relationship_supporting_reports_idx ON relationship USING gin (supporting_report_ids);

-- An approved intervention is the only way a plot becomes FOILED (as it is for a cell to become DISMANTLED).
ALTER TABLE intervention ADD COLUMN foils_event_id uuid REFERENCES entity (id);

-- The owning agency is fixed at creation (common V15_0_1's trigger function).
CREATE TRIGGER report_owner_fixed BEFORE UPDATE OF owner_agency ON report
    FOR EACH ROW EXECUTE FUNCTION yz_owner_agency_fixed();
CREATE TRIGGER entity_owner_fixed BEFORE UPDATE OF owner_agency ON entity
    FOR EACH ROW EXECUTE FUNCTION yz_owner_agency_fixed();
CREATE TRIGGER relationship_owner_fixed BEFORE UPDATE OF owner_agency ON relationship
    FOR EACH ROW EXECUTE FUNCTION yz_owner_agency_fixed();
CREATE TRIGGER assessment_owner_fixed BEFORE UPDATE OF owner_agency ON assessment
    FOR EACH ROW EXECUTE FUNCTION yz_owner_agency_fixed();
CREATE TRIGGER intel_case_owner_fixed BEFORE UPDATE OF owner_agency ON intel_case
    FOR EACH ROW EXECUTE FUNCTION yz_owner_agency_fixed();
CREATE TRIGGER product_owner_fixed BEFORE UPDATE OF owner_agency ON product
    FOR EACH ROW EXECUTE FUNCTION yz_owner_agency_fixed();
