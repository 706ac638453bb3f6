package org.yaqaza.prevention.repository;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.yaqaza.common.persistence.Sql;
import org.yaqaza.common.security.Caller;
import org.yaqaza.common.security.Visibility;
import org.yaqaza.prevention.model.Assessment;
import org.yaqaza.prevention.security.PreventionAccess;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class AssessmentRepository implements PanacheRepositoryBase<Assessment, UUID> {

    /** The latest assessment of a running enrolment, and when the next one is due. */
    public record Due(UUID enrolmentId, String participantCode, UUID lastAssessmentId, LocalDate dueOn) {
    }

    private final PreventionAccess access;
    private final Sql sql;

    public AssessmentRepository(PreventionAccess access, Sql sql) {
        this.access = access;
        this.sql = sql;
    }

    /** Newest first. */
    public List<Assessment> ofEnrolment(UUID enrolmentId) {
        return list("enrolmentId = ?1 order by assessedOn desc, createdAt desc", enrolmentId);
    }

    /** The assessment of the same enrolment just before this one. */
    public Optional<Assessment> previous(Assessment current) {
        return find("enrolmentId = ?1 and (assessedOn < ?2 or (assessedOn = ?2 and createdAt < ?3))"
                + " order by assessedOn desc, createdAt desc", current.enrolmentId, current.assessedOn,
                current.createdAt).firstResultOptional();
    }

    /**
     * Enrolments still running whose latest assessment sets a next date on or before {@code asOf}, soonest first,
     * among participants the caller may work on in programmes the caller may see.
     */
    public List<Due> due(Caller caller, LocalDate asOf) {
        Map<String, Object> params = access.caseParameters(caller);
        params.put("asOf", asOf);
        return sql.query("select * from (select distinct on (a.enrolment_id) a.enrolment_id, p.code, a.id,"
                + " a.next_due_on from assessment a join enrolment e on e.id = a.enrolment_id"
                + " join participant p on p.id = e.participant_id join edition ed on ed.id = e.edition_id"
                + " join programme pr on pr.id = ed.programme_id where e.state in ('ENROLLED', 'ACTIVE')"
                + " and " + PreventionAccess.caseSqlPredicate("p") + " and " + Visibility.sqlPredicate("pr")
                + " order by a.enrolment_id, a.assessed_on desc, a.created_at desc) latest"
                + " where next_due_on <= :asOf order by next_due_on, code", params,
                rs -> new Due(rs.getObject(1, UUID.class), rs.getString(2), rs.getObject(3, UUID.class),
                        Sql.date(rs, "next_due_on")));
    }
}
