package org.yaqaza.prevention.repository;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.yaqaza.common.persistence.Sql;
import org.yaqaza.common.problem.ProblemException;
import org.yaqaza.common.security.Caller;
import org.yaqaza.common.security.Visibility;
import org.yaqaza.prevention.model.AttendanceStatus;
import org.yaqaza.prevention.model.ProgrammeSession;
import org.yaqaza.prevention.security.PreventionAccess;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

/** Sessions (visible with their programme) and the attendance marks recorded at them. */
@ApplicationScoped
public class SessionRepository implements PanacheRepositoryBase<ProgrammeSession, UUID> {

    /** One attendance mark as a participant's code shows it. */
    public record Mark(UUID enrolmentId, String participantCode, AttendanceStatus status) {
    }

    private final PreventionAccess access;
    private final Sql sql;

    public SessionRepository(PreventionAccess access, Sql sql) {
        this.access = access;
        this.sql = sql;
    }

    /** The session if the caller may see its programme; otherwise a 404 like a missing one. */
    public ProgrammeSession getVisible(Caller caller, UUID id) {
        Map<String, Object> params = new HashMap<>(Visibility.parameters(caller));
        params.put("id", id);
        return find("select s from ProgrammeSession s join Edition e on e.id = s.editionId"
                + " join Programme p on p.id = e.programmeId where s.id = :id and " + Visibility.predicate("p"),
                params).firstResultOptional().orElseThrow(() -> ProblemException.notFound("Session", id));
    }

    public List<ProgrammeSession> ofEdition(UUID editionId) {
        return list("editionId = ?1 order by heldOn, createdAt", editionId);
    }

    /** Records a mark, or corrects the one already there. */
    public void mark(UUID sessionId, UUID enrolmentId, AttendanceStatus status) {
        sql.update("insert into attendance (session_id, enrolment_id, status) values (:s, :e, :st)"
                + " on conflict (enrolment_id, session_id) do update set status = excluded.status",
                Map.of("s", sessionId, "e", enrolmentId, "st", status));
    }

    /** The marks of a session, leaving out those of participants the caller may not work on. */
    public List<Mark> marks(Caller caller, UUID sessionId) {
        Map<String, Object> params = access.caseParameters(caller);
        params.put("s", sessionId);
        return sql.query("select a.enrolment_id, p.code, a.status from attendance a"
                + " join enrolment e on e.id = a.enrolment_id join participant p on p.id = e.participant_id"
                + " where a.session_id = :s and " + PreventionAccess.caseSqlPredicate("p") + " order by p.code",
                params, rs -> new Mark(rs.getObject(1, UUID.class), rs.getString(2),
                        AttendanceStatus.valueOf(rs.getString(3))));
    }

    /** Sessions of each module of the edition that the enrolment attended as PRESENT, by module id. */
    public Map<UUID, Long> presentByModule(UUID editionId, UUID enrolmentId) {
        Map<UUID, Long> present = new HashMap<>();
        sql.query("select s.module_id, count(*) from session s join attendance a on a.session_id = s.id"
                + " where s.edition_id = :e and a.enrolment_id = :en and a.status = 'PRESENT' group by s.module_id",
                Map.of("e", editionId, "en", enrolmentId),
                rs -> present.put(rs.getObject(1, UUID.class), rs.getLong(2)));
        return present;
    }
}
