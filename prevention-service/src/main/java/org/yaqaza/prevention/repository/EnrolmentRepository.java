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
    private static final String FOR_CASE = "select e from Enrolment e join Participant p on p.id = e.participantId"
            + " join Edition ed on ed.id = e.editionId join Programme pr on pr.id = ed.programmeId where "
            + PreventionAccess.casePredicate("p") + " and " + Visibility.predicate("pr");

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

    /** Places taken: enrolled, active or completed. */
    public long placesTaken(UUID editionId) {
        return count("editionId = ?1 and state in ?2", editionId, TAKING_A_PLACE);
    }

    public long waiting(UUID editionId) {
        return count("editionId = ?1 and state = ?2", editionId, EnrolmentState.WAITLISTED);
    }

    /** 1 for the longest-waiting applicant of the edition. */
    public int waitingPosition(Enrolment waiting) {
        return 1 + (int) count("editionId = ?1 and state = ?2 and (waitlistedAt < ?3 or (waitlistedAt = ?3"
                + " and id < ?4))", waiting.editionId, EnrolmentState.WAITLISTED, waiting.waitlistedAt, waiting.id);
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
