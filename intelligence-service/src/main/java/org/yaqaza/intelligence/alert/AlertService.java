package org.yaqaza.intelligence.alert;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.yaqaza.common.audit.AuditActor;
import org.yaqaza.common.audit.AuditTrail;
import org.yaqaza.common.persistence.SortField;
import org.yaqaza.common.persistence.Sorting;
import org.yaqaza.common.persistence.Sql;
import org.yaqaza.common.problem.ProblemException;
import org.yaqaza.common.security.Caller;
import org.yaqaza.common.security.Classification;
import org.yaqaza.common.security.Role;
import org.yaqaza.common.security.Visibility;
import org.yaqaza.intelligence.api.AlertView;

/**
 * Creates alerts (a watched entity named by a new report; a raised threat level) and reads them under the
 * visibility rule: an alert shows only when its entity, its report and its assessment are all visible.
 */
@ApplicationScoped
public class AlertService {

    /** Serialises alert inserts so that sequence order is commit order and a stream never skips one. */
    private static final long ALERT_LOCK = 0x59414c52L;

    private final Sql sql;
    private final AlertSignal signal;
    private final AuditTrail audit;
    private final Clock clock;

    public AlertService(Sql sql, AlertSignal signal, AuditTrail audit, Clock clock) {
        this.sql = sql;
        this.signal = signal;
        this.audit = audit;
        this.clock = clock;
    }

    /** In the caller's transaction: one alert per new mention of a watched entity. */
    public int mentionAlerts(List<UUID> reportIds, List<UUID> entityIds) {
        if (reportIds.isEmpty()) {
            return 0;
        }
        Map<String, Object> p = new HashMap<>();
        p.put("reports", reportIds.toArray(UUID[]::new));
        p.put("entities", entityIds.toArray(UUID[]::new));
        p.put("now", clock.instant());
        lock();
        int created = sql.update("""
                insert into alert (id, alert_type, entity_id, report_id, message, created_at)
                select gen_random_uuid(), 'WATCHED_ENTITY_MENTIONED', m.entity_id, m.report_id,
                       'New report "' || left(r.title, 200) || '" mentions watched entity ' || e.display_name, :now
                  from unnest(:reports, :entities) as m(report_id, entity_id)
                  join report r on r.id = m.report_id
                  join entity e on e.id = m.entity_id
                 where exists (select 1 from watch w where w.entity_id = m.entity_id)
                 order by m.report_id, m.entity_id""", p);
        if (created > 0) {
            signal.afterCommit();
        }
        return created;
    }

    /** In the caller's transaction: the effective threat level of an entity went up. */
    public void threatRaised(UUID entityId, UUID assessmentId, String message) {
        lock();
        sql.update("""
                insert into alert (id, alert_type, entity_id, assessment_id, message, created_at)
                values (gen_random_uuid(), 'THREAT_LEVEL_RAISED', :entity, :assessment, :message, :now)""",
                Map.of("entity", entityId, "assessment", assessmentId, "message", message, "now", clock.instant()));
        signal.afterCommit();
    }

    /**
     * In the caller's transaction: a screening hit on an entity the screener may not see (deconfliction). Only
     * supervisors of the owning agency read these (see {@link #select()}).
     */
    public void screeningHit(UUID entityId, String message) {
        lock();
        sql.update("""
                insert into alert (id, alert_type, entity_id, message, created_at)
                values (gen_random_uuid(), 'SCREENING_HIT', :entity, :message, :now)""",
                Map.of("entity", entityId, "message", message, "now", clock.instant()));
        signal.afterCommit();
    }

    private void lock() {
        sql.query("select pg_advisory_xact_lock(" + ALERT_LOCK + ")", Map.of(), rs -> 1);
    }

    /** The kinds of alert, the values of the list's {@code type} filter. */
    public static final List<String> TYPES = List.of("WATCHED_ENTITY_MENTIONED", "THREAT_LEVEL_RAISED",
            "SCREENING_HIT");

    /**
     * The list's orders besides the inbox's (unread first, then newest first). The sequence is commit order (alert
     * inserts are serialised), so it orders by time without ties.
     */
    private static final Sorting<Row> ORDERS = Sorting.of("-createdAt",
            SortField.of("createdAt", "a.seq", Long.class, Row::seq),
            SortField.of("type", "a.alert_type", String.class, r -> r.view().type()));

    /**
     * Unread first, then newest first, unless {@code sort} (createdAt or type, {@code -} first for descending; any
     * other is a 400) asks otherwise; {@code type} (one of {@link #TYPES}) keeps one kind.
     */
    @Transactional
    public List<AlertView> list(Caller caller, boolean unreadOnly, String type, String sort, int offset,
            int limit) {
        Map<String, Object> p = params(caller);
        p.put("offset", offset);
        p.put("limit", limit);
        String where = (unreadOnly ? " and ar.alert_id is null" : "")
                + (type == null ? "" : " and a.alert_type = :type");
        if (type != null) {
            p.put("type", type);
        }
        String order = sort == null || sort.isBlank() ? "(ar.alert_id is not null), a.seq desc"
                : ORDERS.parse(sort).orderBy("a.seq");
        List<Row> rows = sql.query(select() + where + " order by " + order + " offset :offset limit :limit", p,
                AlertService::row);
        auditReads(caller, rows);
        return rows.stream().map(Row::view).toList();
    }

    /** A visible alert and its place in the stream, which only the stream sees (sealed in an event id). */
    public record Streamed(AlertView alert, long seq) {
    }

    /** Visible alerts after {@code afterSeq}, oldest first: what a stream delivers and what a reconnect replays. */
    @Transactional
    public List<Streamed> since(Caller caller, long afterSeq, int limit) {
        Map<String, Object> p = params(caller);
        p.put("after", afterSeq);
        p.put("limit", limit);
        List<Row> rows = sql.query(select() + " and a.seq > :after order by a.seq limit :limit", p,
                AlertService::row);
        auditReads(caller, rows);
        return rows.stream().map(r -> new Streamed(r.view, r.seq)).toList();
    }

    /**
     * Where a new stream starts: after the caller's latest visible alert, never the global latest (a hidden alert
     * would move it). Alerts hidden from the caller that come later are skipped by {@link #since} anyway.
     */
    @Transactional
    public long latestVisibleSeq(Caller caller) {
        Long seq = sql.one("select coalesce(max(x.seq), 0) from (" + select() + ") x", params(caller),
                rs -> rs.getLong(1));
        return seq == null ? 0 : seq;
    }

    @Transactional
    public void markRead(Caller caller, UUID id) {
        Map<String, Object> p = params(caller);
        p.put("id", id);
        if (sql.query(select() + " and a.id = :id", p, AlertService::row).isEmpty()) {
            throw ProblemException.notFound("Alert", id);
        }
        sql.update("insert into alert_read (alert_id, subject, read_at) values (:id, :subject, :now) "
                + "on conflict do nothing", Map.of("id", id, "subject", caller.subject(), "now", clock.instant()));
    }

    @Transactional
    public long countUnread(Caller caller) {
        return sql.one("select count(*) from (" + select() + " and ar.alert_id is null) x", params(caller),
                rs -> rs.getLong(1));
    }

    private static String select() {
        return "select a.id, a.seq, a.alert_type, a.entity_id, e.display_name, a.report_id, a.assessment_id,"
                + " a.message, a.created_at, ar.alert_id is not null as is_read,"
                + " greatest(e.classification, coalesce(r.classification, 0), coalesce(s.classification, 0)) as cls"
                + " from alert a join entity e on e.id = a.entity_id"
                + " left join report r on r.id = a.report_id"
                + " left join assessment s on s.id = a.assessment_id"
                + " left join alert_read ar on ar.alert_id = a.id and ar.subject = :subject"
                + " where " + Visibility.sqlPredicate("e")
                + " and (a.report_id is null or " + Visibility.sqlPredicate("r") + ")"
                + " and (a.assessment_id is null or " + Visibility.sqlPredicate("s") + ")"
                + " and (a.alert_type <> 'SCREENING_HIT' or (:supervisor and e.owner_agency = :subjectAgency))";
    }

    private static Map<String, Object> params(Caller caller) {
        Map<String, Object> p = new HashMap<>(Visibility.parameters(caller));
        p.put("subject", caller.subject());
        p.put("supervisor", caller.hasRole(Role.SUPERVISOR));
        p.put("subjectAgency", caller.agency() == null ? "" : caller.agency());
        return p;
    }

    private void auditReads(Caller caller, List<Row> rows) {
        for (Row row : rows) {
            if (row.classification.dominates(Classification.CONFIDENTIAL)) {
                audit.record(AuditActor.of(caller), "READ", "alert", row.view.id(), row.classification, null);
            }
        }
    }

    private static Row row(ResultSet rs) throws SQLException {
        return new Row(new AlertView(rs.getObject("id", UUID.class), rs.getString("alert_type"),
                rs.getObject("entity_id", UUID.class), rs.getString("display_name"),
                rs.getObject("report_id", UUID.class), rs.getObject("assessment_id", UUID.class),
                rs.getString("message"), Sql.instant(rs, "created_at"), rs.getBoolean("is_read")), rs.getLong("seq"),
                Classification.ofLevel(rs.getShort("cls")));
    }

    private record Row(AlertView view, long seq, Classification classification) {
    }
}
