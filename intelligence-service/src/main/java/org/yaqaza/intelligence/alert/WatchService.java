package org.yaqaza.intelligence.alert;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.yaqaza.common.audit.AuditActor;
import org.yaqaza.common.audit.AuditTrail;
import org.yaqaza.common.persistence.Sql;
import org.yaqaza.common.problem.ProblemException;
import org.yaqaza.common.security.Caller;
import org.yaqaza.common.security.Visibility;
import org.yaqaza.intelligence.model.IntelEntity;
import org.yaqaza.intelligence.repository.EntityRepository;

/** The watch list: entities an analyst follows. A new report naming one of them raises an alert. */
@ApplicationScoped
public class WatchService {

    private final Sql sql;
    private final EntityRepository entities;
    private final AuditTrail audit;
    private final Clock clock;

    public WatchService(Sql sql, EntityRepository entities, AuditTrail audit, Clock clock) {
        this.sql = sql;
        this.entities = entities;
        this.audit = audit;
        this.clock = clock;
    }

    public record Watched(UUID entityId, String displayName, String kind, Instant since) {
    }

    /** Idempotent: watching an entity twice keeps one entry. */
    @Transactional
    public Watched watch(Caller caller, UUID entityId) {
        IntelEntity e = entities.getVisible(caller, entityId, "Entity");
        Instant now = clock.instant();
        int added = sql.update("insert into watch (entity_id, subject, created_at) values (:e, :s, :now)"
                + " on conflict do nothing", Map.of("e", e.id, "s", caller.subject(), "now", now));
        if (added > 0) {
            audit.record(AuditActor.of(caller), "WATCH", "entity", e.id, e.classification, null);
        }
        return new Watched(e.id, e.displayName, e.kind.name(), now);
    }

    @Transactional
    public void unwatch(Caller caller, UUID entityId) {
        IntelEntity e = entities.getVisible(caller, entityId, "Entity");
        int removed = sql.update("delete from watch where entity_id = :e and subject = :s",
                Map.of("e", e.id, "s", caller.subject()));
        if (removed == 0) {
            throw ProblemException.notFound("Watch list entry", entityId);
        }
        audit.record(AuditActor.of(caller), "UNWATCH", "entity", e.id, e.classification, null);
    }

    /** The caller's watch list, visible entities only. */
    @Transactional
    public List<Watched> list(Caller caller) {
        Map<String, Object> p = new HashMap<>(Visibility.parameters(caller));
        p.put("s", caller.subject());
        return sql.query("select e.id, e.display_name, e.kind, w.created_at from watch w join entity e"
                + " on e.id = w.entity_id where w.subject = :s and " + Visibility.sqlPredicate("e")
                + " order by w.created_at desc", p, rs -> new Watched(rs.getObject(1, UUID.class), rs.getString(2),
                        rs.getString(3), Sql.instant(rs, "created_at")));
    }
}
