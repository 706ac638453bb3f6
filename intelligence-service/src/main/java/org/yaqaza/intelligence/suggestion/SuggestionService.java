package org.yaqaza.intelligence.suggestion;

import java.util.ArrayList;
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
import org.yaqaza.common.security.Classification;
import org.yaqaza.common.security.Visibility;
import org.yaqaza.intelligence.api.LinkSuggestion;
import org.yaqaza.intelligence.api.RelationshipRequest;
import org.yaqaza.intelligence.api.RelationshipView;
import org.yaqaza.intelligence.model.Relationship;
import org.yaqaza.intelligence.service.EntityService;
import org.yaqaza.intelligence.service.RelationshipService;

/**
 * Link suggestions: two entities mentioned by the same reports. Computed when read, for the reader, from what the
 * reader may see only (reports, both entities): a suggestion whose evidence the reader cannot see does not exist
 * for them, and its count, time span and strength are those of the visible evidence, so nothing about a hidden
 * report leaks. Pairs already linked by a relationship the reader sees, and pairs the reader's agency dismissed,
 * are left out. Accepting creates the relationship through {@link RelationshipService} (its rules and audit).
 */
@ApplicationScoped
public class SuggestionService {

    private static final String OBJECT_TYPE = "entity";
    static final int MAX_EVIDENCE = 100;

    private final Sql sql;
    private final EntityService entities;
    private final RelationshipService relationships;
    private final AuditTrail audit;
    private final SuggestionConfig config;

    public SuggestionService(Sql sql, EntityService entities, RelationshipService relationships, AuditTrail audit,
            SuggestionConfig config) {
        this.sql = sql;
        this.entities = entities;
        this.relationships = relationships;
        this.audit = audit;
        this.config = config;
    }

    private record Found(LinkSuggestion suggestion, Classification classification) {
    }

    /** Suggestions for the reader, strongest first; with {@code entityId} (visible, else 404) only its own. */
    @Transactional
    public List<LinkSuggestion> list(Caller caller, UUID entityId, Integer limit) {
        if (entityId != null) {
            entities.get(caller, entityId); // 404 for a hidden entity, and the read is audited
        }
        int max = limit == null ? config.defaultLimit() : limit;
        return find(caller, entityId, null, max).stream().map(Found::suggestion).toList();
    }

    /**
     * The relationship {@code request} describes between the two entities of a suggestion (in the direction the
     * analyst chose); its supporting reports are the suggestion's evidence, whatever the request lists.
     */
    @Transactional
    public RelationshipView accept(Caller caller, RelationshipRequest request) {
        Found found = existing(caller, request.sourceId(), request.targetId());
        LinkSuggestion s = found.suggestion();
        Relationship rel = relationships.create(caller, new RelationshipRequest(request.sourceId(),
                request.targetId(), request.type(), request.confidence(), request.validFrom(), request.validTo(),
                s.reportIds(), request.note(), request.classification(), request.compartments(),
                request.sharedWith()));
        audit.record(AuditActor.of(caller), "ACCEPT_SUGGESTION", RelationshipService.OBJECT_TYPE, rel.id,
                rel.classification, s.entityA() + " " + s.entityB() + " reports=" + s.reportCount());
        return relationships.get(caller, rel.id);
    }

    @Transactional
    public void dismiss(Caller caller, UUID a, UUID b) {
        Found found = existing(caller, a, b);
        LinkSuggestion s = found.suggestion();
        sql.update("insert into link_suggestion_dismissal (entity_a, entity_b, agency, dismissed_by, dismissed_at)"
                + " values (:a, :b, :agency, :subject, now()) on conflict do nothing", Map.of("a", s.entityA(),
                        "b", s.entityB(), "agency", caller.agency() == null ? "" : caller.agency(),
                        "subject", caller.subject()));
        for (UUID entity : List.of(s.entityA(), s.entityB())) { // found from either entity's trail
            audit.record(AuditActor.of(caller), "DISMISS_SUGGESTION", OBJECT_TYPE, entity, found.classification(),
                    s.entityA() + " " + s.entityB() + " reports=" + s.reportCount());
        }
    }

    /** The suggestion between two entities as the caller sees it, or 404 (no evidence they may see). */
    private Found existing(Caller caller, UUID a, UUID b) {
        if (a.equals(b)) {
            throw ProblemException.badRequest("Invalid suggestion", "A suggestion links two different entities.",
                    "entityB");
        }
        List<Found> found = find(caller, a, b, 1);
        if (found.isEmpty()) {
            throw ProblemException.notFound("Suggestion", a + "/" + b);
        }
        return found.get(0);
    }

    private List<Found> find(Caller caller, UUID entity, UUID other, int limit) {
        Map<String, Object> p = new HashMap<>(Visibility.parameters(caller));
        p.put("entity", entity);
        p.put("other", other);
        p.put("min", config.minReports());
        p.put("limit", limit);
        String onlyEntity = entity == null ? "" : " and m.report_id in (select report_id from mention where"
                + " entity_id = :entity)";
        String pairFilter = entity == null ? "" : other == null ? " and :entity in (a.entity_id, b.entity_id)"
                : " and ((a.entity_id = :entity and b.entity_id = :other) or (a.entity_id = :other"
                        + " and b.entity_id = :entity))";
        if (entity == null) {
            p.remove("entity");
            p.remove("other");
        } else if (other == null) {
            p.remove("other");
        }
        String query = "with m as (select m.report_id, m.entity_id, r.collected_at from mention m"
                + " join report r on r.id = m.report_id and " + Visibility.sqlPredicate("r")
                + " join entity e on e.id = m.entity_id and " + Visibility.sqlPredicate("e") + " where true"
                + onlyEntity + "),"
                + " pairs as (select a.entity_id as ea, b.entity_id as eb, count(*) as n,"
                + " min(a.collected_at) as first_at, max(a.collected_at) as last_at,"
                + " (array_agg(a.report_id order by a.collected_at desc, a.report_id))[1:" + MAX_EVIDENCE + "]"
                + " as reports from m a join m b on a.report_id = b.report_id and a.entity_id < b.entity_id"
                + " where true" + pairFilter + " group by a.entity_id, b.entity_id having count(*) >= :min)"
                + " select p.*, x.display_name as a_name, y.display_name as b_name,"
                + " greatest(x.classification, y.classification) as classification from pairs p"
                + " join entity x on x.id = p.ea join entity y on y.id = p.eb"
                + " where not exists (select 1 from relationship rel where ((rel.source_id = p.ea and rel.target_id"
                + " = p.eb) or (rel.source_id = p.eb and rel.target_id = p.ea)) and "
                + Visibility.sqlPredicate("rel") + ")"
                + " and not exists (select 1 from link_suggestion_dismissal d where d.entity_a = p.ea"
                + " and d.entity_b = p.eb and d.agency = :" + Visibility.AGENCY + ")"
                + " order by p.n desc, p.last_at desc, p.ea, p.eb limit :limit";
        return sql.query(query, p, rs -> {
            int n = rs.getInt("n");
            List<UUID> reports = new ArrayList<>(List.of(Sql.uuids(rs, "reports")));
            return new Found(new LinkSuggestion(rs.getObject("ea", UUID.class), rs.getString("a_name"),
                    rs.getObject("eb", UUID.class), rs.getString("b_name"), n, reports,
                    Sql.instant(rs, "first_at"), Sql.instant(rs, "last_at"), strength(n)),
                    Classification.ofLevel(rs.getInt("classification")));
        });
    }

    /** Grows with the number of visible reports naming both and never reaches 1: 2 → 0.67, 4 → 0.8, 9 → 0.9. */
    static double strength(int reports) {
        return Math.round(reports / (reports + 1.0) * 100) / 100.0;
    }
}
