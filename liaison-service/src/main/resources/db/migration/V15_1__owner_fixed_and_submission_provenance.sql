-- Issue 15: the owning agency of every protected liaison record is fixed at creation (common trigger function).
CREATE TRIGGER partner_owner_fixed BEFORE UPDATE OF owner_agency ON partner
    FOR EACH ROW EXECUTE FUNCTION yz_owner_agency_fixed();
CREATE TRIGGER release_owner_fixed BEFORE UPDATE OF owner_agency ON release
    FOR EACH ROW EXECUTE FUNCTION yz_owner_agency_fixed();
CREATE TRIGGER warning_owner_fixed BEFORE UPDATE OF owner_agency ON warning
    FOR EACH ROW EXECUTE FUNCTION yz_owner_agency_fixed();
CREATE TRIGGER rfi_owner_fixed BEFORE UPDATE OF owner_agency ON rfi
    FOR EACH ROW EXECUTE FUNCTION yz_owner_agency_fixed();
CREATE TRIGGER partner_submission_owner_fixed BEFORE UPDATE OF owner_agency ON partner_submission
    FOR EACH ROW EXECUTE FUNCTION yz_owner_agency_fixed();

-- What a partner sent, and under which TLP, is provenance: written once, whoever tries.
CREATE FUNCTION partner_submission_provenance_write_once() RETURNS trigger
    LANGUAGE plpgsql
AS $$
BEGIN
    IF NEW.partner_code IS DISTINCT FROM OLD.partner_code OR NEW.channel IS DISTINCT FROM OLD.channel
        OR NEW.tlp IS DISTINCT FROM OLD.tlp OR NEW.title IS DISTINCT FROM OLD.title
        OR NEW.body IS DISTINCT FROM OLD.body OR NEW.stix IS DISTINCT FROM OLD.stix THEN
        RAISE EXCEPTION 'the provenance of partner submission % is written once', OLD.id;
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER partner_submission_provenance BEFORE UPDATE ON partner_submission
    FOR EACH ROW EXECUTE FUNCTION partner_submission_provenance_write_once();
