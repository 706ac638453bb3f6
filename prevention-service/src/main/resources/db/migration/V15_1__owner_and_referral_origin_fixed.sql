-- Issue 15: the owning agency of programmes and participants is fixed at creation (common V15_0_1's function),
-- and a referral's origin is write-once: after submission a referral changes only by its decision (and, for its
-- identity copy, by retention), never in who referred it, from where, for what or when.
CREATE TRIGGER programme_owner_fixed BEFORE UPDATE OF owner_agency ON programme
    FOR EACH ROW EXECUTE FUNCTION yz_owner_agency_fixed();
CREATE TRIGGER participant_owner_fixed BEFORE UPDATE OF owner_agency ON participant
    FOR EACH ROW EXECUTE FUNCTION yz_owner_agency_fixed();

CREATE FUNCTION referral_origin_fixed() RETURNS trigger
    LANGUAGE plpgsql
AS $$
BEGIN
    IF NEW.referring_agency IS DISTINCT FROM OLD.referring_agency
            OR NEW.referred_by IS DISTINCT FROM OLD.referred_by
            OR NEW.programme_kind IS DISTINCT FROM OLD.programme_kind
            OR NEW.purpose IS DISTINCT FROM OLD.purpose
            OR NEW.created_at IS DISTINCT FROM OLD.created_at THEN
        RAISE EXCEPTION 'the origin of referral % never changes', OLD.id;
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER referral_origin_fixed
    BEFORE UPDATE OF referring_agency, referred_by, programme_kind, purpose, created_at ON referral
    FOR EACH ROW EXECUTE FUNCTION referral_origin_fixed();
