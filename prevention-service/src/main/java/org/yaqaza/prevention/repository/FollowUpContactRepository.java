package org.yaqaza.prevention.repository;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.yaqaza.common.persistence.Sql;
import org.yaqaza.common.security.Caller;
import org.yaqaza.prevention.model.FollowUpContact;
import org.yaqaza.prevention.security.PreventionAccess;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class FollowUpContactRepository implements PanacheRepositoryBase<FollowUpContact, UUID> {

    /** A contact past its due date, with the participant's code. */
    public record Overdue(UUID contactId, String participantCode, int month, LocalDate dueOn) {
    }

    private final PreventionAccess access;
    private final Sql sql;

    public FollowUpContactRepository(PreventionAccess access, Sql sql) {
        this.access = access;
        this.sql = sql;
    }

    public List<FollowUpContact> ofRelease(UUID releaseId) {
        return list("releaseId = ?1 order by month", releaseId);
    }

    /**
     * Contacts due before {@code asOf} and not done, of follow-ups still open, of participants the caller may work
     * on (anonymised ones are no longer followed), oldest first; at most 1000.
     */
    public List<Overdue> overdue(Caller caller, LocalDate asOf) {
        Map<String, Object> params = access.caseParameters(caller);
        params.put("asOf", asOf);
        return sql.query("select c.id, p.code, c.month, c.due_on from follow_up_contact c"
                + " join release_record r on r.id = c.release_id join participant p on p.id = r.participant_id"
                + " where c.done_on is null and c.due_on < :asOf and r.follow_up_ended_on is null"
                + " and p.anonymised_at is null and " + PreventionAccess.caseSqlPredicate("p")
                + " order by c.due_on, p.code limit 1000", params,
                rs -> new Overdue(rs.getObject(1, UUID.class), rs.getString(2), rs.getInt(3), Sql.date(rs, "due_on")));
    }
}
