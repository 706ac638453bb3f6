package org.yaqaza.prevention.repository;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.yaqaza.common.problem.ProblemException;
import org.yaqaza.common.security.Caller;
import org.yaqaza.common.security.Visibility;
import org.yaqaza.prevention.model.Enrolment;
import org.yaqaza.prevention.model.EnrolmentState;
import org.yaqaza.prevention.security.PreventionAccess;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

/** Enrolments: case data, reached only when both the participant and the programme are visible. */
@ApplicationScoped
public class EnrolmentRepository implements PanacheRepositoryBase<Enrolment, UUID> {

    private static final List<EnrolmentState> TAKING_A_PLACE = List.of(EnrolmentState.ENROLLED,
            EnrolmentState.ACTIVE, EnrolmentState.COMPLETED);
    private static final String FROM_CASE = " from Enrolment e join Participant p on p.id = e.participantId"
            + " join Edition ed on ed.id = e.editionId join Programme pr on pr.id = ed.programmeId where "
            + PreventionAccess.casePredicate("p") + " and " + Visibility.predicate("pr");
    private static final String FOR_CASE = "select e" + FROM_CASE;

    private final PreventionAccess access;

    public EnrolmentRepository(PreventionAccess access) {
        this.access = access;
    }

    public Optional<Enrolment> findForCase(Caller caller, UUID id) {
        Map<String, Object> params = access.caseParameters(caller);
        params.put("id", id);
        return find(FOR_CASE + " and e.id = :id", params).firstResultOptional();
    }

    /** The enrolment for case work, or a 404 indistinguishable from a missing one. */
    public Enrolment getForCase(Caller caller, UUID id) {
        return findForCase(caller, id).orElseThrow(() -> ProblemException.notFound("Enrolment", id));
    }

    /** Enrolments of an edition (optionally in one state) whose participants the caller may work on. */
    public List<Enrolment> ofEditionForCase(Caller caller, UUID editionId, EnrolmentState state) {
        Map<String, Object> params = access.caseParameters(caller);
        params.put("edition", editionId);
        String query = FOR_CASE + " and e.editionId = :edition";
        if (state != null) {
            query += " and e.state = :state";
            params.put("state", state);
        }
        return list(query + " order by e.appliedOn, e.createdAt", params);
    }

    public boolean applied(UUID editionId, UUID participantId) {
        return count("editionId = ?1 and participantId = ?2", editionId, participantId) > 0;
    }

    /**
     * Places taken: enrolled, active or completed, hidden participants included. For capacity decisions only
     * (enrolment, promotion from the waiting list); never shown (see {@link #visiblePlacesTaken}).
     */
    public long placesTaken(UUID editionId) {
        return count("editionId = ?1 and state in ?2", editionId, TAKING_A_PLACE);
    }

    /**
     * Places taken by participants the caller may work on: what an edition shows (issue 16). The true number
     * would move with participants the reader may not see; a reader without case access sees 0.
     */
    public long visiblePlacesTaken(Caller caller, UUID editionId) {
        return countForCase(caller, "e.editionId = :edition and e.state in :states",
                Map.of("edition", editionId, "states", TAKING_A_PLACE));
    }

    /** The waiting list's length, counting only participants the caller may work on. */
    public long visibleWaiting(Caller caller, UUID editionId) {
        return countForCase(caller, "e.editionId = :edition and e.state = :state",
                Map.of("edition", editionId, "state", EnrolmentState.WAITLISTED));
    }

    /**
     * 1 for the longest-waiting applicant of the edition, counting ahead only applicants the caller may work on:
     * the rank among what the reader sees, not the true rank (promotion uses the true order).
     */
    public int visibleWaitingPosition(Caller caller, Enrolment waiting) {
        return 1 + (int) countForCase(caller, "e.editionId = :edition and e.state = :state and (e.waitlistedAt"
                + " < :at or (e.waitlistedAt = :at and e.id < :id))", Map.of("edition", waiting.editionId,
                        "state", EnrolmentState.WAITLISTED, "at", waiting.waitlistedAt, "id", waiting.id));
    }

    private long countForCase(Caller caller, String condition, Map<String, Object> conditionParams) {
        Map<String, Object> params = access.caseParameters(caller);
        params.putAll(conditionParams);
        var query = getEntityManager().createQuery("select count(e)" + FROM_CASE + " and " + condition, Long.class);
        params.forEach(query::setParameter);
        return query.getSingleResult();
    }

    /** The longest-waiting applicants of the edition, first come first served. */
    public List<Enrolment> waitingList(UUID editionId, int limit) {
        return find("editionId = ?1 and state = ?2 order by waitlistedAt, id", editionId, EnrolmentState.WAITLISTED)
                .range(0, limit - 1).list();
    }

    public boolean completedProgramme(UUID programmeId, UUID participantId) {
        return count("participantId = ?1 and state = ?2 and editionId in (select ed.id from Edition ed"
                + " where ed.programmeId = ?3)", participantId, EnrolmentState.COMPLETED, programmeId) > 0;
    }

    /** Re-reads an enrolment after its edition was locked, so the state checked is the latest. */
    public void refresh(Enrolment enrolment) {
        getEntityManager().refresh(enrolment);
    }
}
