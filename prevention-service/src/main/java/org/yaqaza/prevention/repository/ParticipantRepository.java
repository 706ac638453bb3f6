package org.yaqaza.prevention.repository;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import org.yaqaza.common.persistence.Page;
import org.yaqaza.common.persistence.PageRequest;
import org.yaqaza.common.persistence.Sql;
import org.yaqaza.common.persistence.VisibleRepository;
import org.yaqaza.common.problem.ProblemException;
import org.yaqaza.common.security.Caller;
import org.yaqaza.prevention.model.Participant;
import org.yaqaza.prevention.security.PreventionAccess;

/** Participants, reached for case work only through the visibility rule and the prevention firewall. */
@ApplicationScoped
public class ParticipantRepository implements VisibleRepository<Participant> {

    private final PreventionAccess access;
    private final Sql sql;

    public ParticipantRepository(PreventionAccess access, Sql sql) {
        this.access = access;
        this.sql = sql;
    }

    public Optional<Participant> findForCase(Caller caller, String code) {
        return findForCase(caller, "p.code = :key", code);
    }

    /** By id, for records that point at their participant (releases, handovers). */
    public Optional<Participant> findForCase(Caller caller, UUID id) {
        return findForCase(caller, "p.id = :key", id);
    }

    private Optional<Participant> findForCase(Caller caller, String condition, Object key) {
        Map<String, Object> params = access.caseParameters(caller);
        params.put("key", key);
        return find("select p from Participant p where " + condition + " and " + PreventionAccess.casePredicate("p"),
                params).firstResultOptional();
    }

    /**
     * For a marking request's decision: the visibility rule and the case-data firewall in the query, like every
     * other case-data read (the common default applies the visibility rule alone).
     */
    @Override
    public Optional<Participant> findVisibleForUpdate(Caller caller, UUID id) {
        Map<String, Object> params = access.caseParameters(caller);
        params.put("key", id);
        return find("select p from Participant p where p.id = :key and " + PreventionAccess.casePredicate("p"),
                params).withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
    }

    /** The participant for case work, or a 404 indistinguishable from an unknown code. */
    public Participant getForCase(Caller caller, String code) {
        return findForCase(caller, code).orElseThrow(() -> ProblemException.notFound("Participant", code));
    }

    /** Newest first, only what the caller may work on. */
    public Page<Participant> pageForCase(Caller caller, PageRequest page) {
        return pageVisible(caller, ":" + PreventionAccess.CASE_STAFF + " = true",
                Map.of(PreventionAccess.CASE_STAFF, access.isPreventionStaff(caller)), page);
    }

    public boolean codeTaken(String code) {
        return count("code", code) > 0;
    }

    /** The pseudonymous code of a participant already reached through a checked record. */
    public String code(UUID participantId) {
        return findById(participantId).code;
    }

    /**
     * Participants past retention on {@code cutoff}: nothing still open (follow-up, enrolment), and the latest
     * end of follow-up, else of an enrolment, else the registration, before the cutoff. Locked, skipping rows
     * another run holds.
     */
    public List<UUID> dueForAnonymisation(LocalDate cutoff, int limit) {
        return sql.query("select p.id from participant p where p.anonymised_at is null"
                + " and not exists (select 1 from release_record r where r.participant_id = p.id"
                + " and r.follow_up_ended_on is null)"
                + " and not exists (select 1 from enrolment e where e.participant_id = p.id"
                + " and e.state not in ('COMPLETED', 'WITHDRAWN', 'EXCLUDED'))"
                + " and coalesce((select max(r.follow_up_ended_on) from release_record r"
                + " where r.participant_id = p.id), (select max(e.ended_on) from enrolment e"
                + " where e.participant_id = p.id), cast(p.created_at as date)) < :cutoff"
                + " order by p.id limit :limit for update of p skip locked",
                Map.of("cutoff", cutoff, "limit", limit), rs -> rs.getObject(1, UUID.class));
    }

    /** Erases the free text written about a participant (notes, outcomes, evidence, rationale, summaries). */
    public void eraseCaseNotes(UUID participantId) {
        Map<String, Object> p = Map.of("p", participantId);
        sql.update("update consent set note = null where participant_id = :p", p);
        sql.update("update milestone set note = null where participant_id = :p", p);
        sql.update("update follow_up_contact set note = null, outcome = null where release_id in"
                + " (select id from release_record where participant_id = :p)", p);
        sql.update("update assessment set rationale = '[anonymised]', ratings = (select"
                + " coalesce(jsonb_agg(r - 'evidence'), '[]'::jsonb) from jsonb_array_elements(ratings) r)"
                + " where enrolment_id in (select id from enrolment where participant_id = :p)", p);
        sql.update("update handover set summary = '[anonymised]' where participant_id = :p", p);
    }
}
