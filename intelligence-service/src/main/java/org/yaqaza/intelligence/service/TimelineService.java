package org.yaqaza.intelligence.service;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.yaqaza.common.audit.AuditActor;
import org.yaqaza.common.audit.AuditTrail;
import org.yaqaza.common.persistence.Cursor;
import org.yaqaza.common.persistence.Page;
import org.yaqaza.common.persistence.PageRequest;
import org.yaqaza.common.security.Caller;
import org.yaqaza.common.security.Classification;
import org.yaqaza.common.security.Visibility;
import org.yaqaza.intelligence.api.TimelineItem;
import org.yaqaza.intelligence.model.IntelEntity;
import org.yaqaza.intelligence.repository.EntityRepository;
import org.yaqaza.common.persistence.Sql;

/**
 * Everything dated about one entity, in time order and in one call: the reports that mention it, its events,
 * assessments, cases (with their status changes and interventions) and, for an organisation, its life cycle.
 * The entity itself answers 404 when hidden; every item is filtered by the visibility rule in the same SQL
 * statement (an intervention and a case's status change have no marking of their own: they are visible with
 * their case), so a hidden item is absent and moves no page boundary.
 */
@ApplicationScoped
public class TimelineService {

    /**
     * One branch per kind of item, each with the same columns: the sort key ({@code at}, {@code key}: the
     * record's id, or a stable uuid derived from a row number for rows without one), what the wire shows, and
     * the classification of the record that decides visibility.
     */
    private static final String ITEMS = """
            select 'REPORT' as type, r.id as key, r.id, r.collected_at as at, 'INSTANT' as precision,
                   r.title, r.source_type || ' ' || r.reliability || r.credibility as detail, r.classification,
                   null::uuid as case_id
              from mention m join report r on r.id = m.report_id
             where m.entity_id = :entity and %1$s
            union all
            select 'EVENT', ev.id, ev.id, ev.event_date::timestamp at time zone 'UTC', 'DAY', ev.display_name,
                   ev.event_type || ' ' || ev.event_status, ev.classification, null
              from entity ev
             where ev.kind = 'EVENT' and %2$s
               and (ev.id = :entity or ev.place_id = :entity or exists (
                    select 1 from relationship rl
                     where ((rl.source_id = :entity and rl.target_id = ev.id)
                         or (rl.target_id = :entity and rl.source_id = ev.id)) and %3$s))
            union all
            select 'ASSESSMENT', a.id, a.id, a.created_at, 'INSTANT', 'Threat level ' || a.threat_level,
                   a.category || ' ' || a.status, a.classification, null
              from assessment a
             where a.subject_id = :entity and %4$s
            union all
            select 'CASE', c.id, c.id, c.created_at, 'INSTANT', c.title, c.category, c.classification, c.id
              from intel_case c
             where :entity = any(c.entity_ids) and %5$s
            union all
            select 'CASE_TRANSITION', md5('case_transition:' || t.id)::uuid, c.id,
                   case when t.occurred_on = (t.occurred_at at time zone 'UTC')::date then t.occurred_at
                        else t.occurred_on::timestamp at time zone 'UTC' end,
                   case when t.occurred_on = (t.occurred_at at time zone 'UTC')::date then 'INSTANT' else 'DAY' end,
                   c.title, t.from_status || ' → ' || t.to_status, c.classification, c.id
              from case_transition t join intel_case c on c.id = t.case_id
             where t.from_status is not null and :entity = any(c.entity_ids) and %5$s
            union all
            select 'INTERVENTION', i.id, i.id, i.intervention_date::timestamp at time zone 'UTC', 'DAY', i.place,
                   i.status || ', ' || i.arrests || ' arrest(s)', c.classification, c.id
              from intervention i join intel_case c on c.id = i.case_id
             where (:entity = any(c.entity_ids) or i.dismantles_organisation_id = :entity
                    or i.location_id = :entity) and %5$s
            union all
            select 'STATUS_CHANGE', md5('organisation_status_change:' || s.id)::uuid, s.organisation_id,
                   case when s.effective_date = (s.changed_at at time zone 'UTC')::date then s.changed_at
                        else s.effective_date::timestamp at time zone 'UTC' end,
                   case when s.effective_date = (s.changed_at at time zone 'UTC')::date then 'INSTANT' else 'DAY'
                   end,
                   s.to_status, coalesce(s.from_status || ' → ', '') || s.to_status, :entityClassification,
                   s.case_id
              from organisation_status_change s
             where s.organisation_id = :entity""";

    private final EntityRepository entities;
    private final Sql sql;
    private final AuditTrail audit;

    public TimelineService(EntityRepository entities, Sql sql, AuditTrail audit) {
        this.entities = entities;
        this.sql = sql;
        this.audit = audit;
    }

    private record Row(TimelineItem item, UUID key, short classification) {
    }

    /** One page of the entity's timeline, oldest first (or newest first with {@code newestFirst}). */
    @Transactional
    public Page<TimelineItem> timeline(Caller caller, UUID entityId, boolean newestFirst, PageRequest page) {
        IntelEntity entity = entities.getVisible(caller, entityId, "Entity");
        Map<String, Object> p = new HashMap<>(Visibility.parameters(caller));
        p.put("entity", entity.id);
        p.put("entityClassification", (short) entity.classification.level());
        p.put("limit", page.limit() + 1);
        String items = ITEMS.formatted(Visibility.sqlPredicate("r"), Visibility.sqlPredicate("ev"),
                Visibility.sqlPredicate("rl"), Visibility.sqlPredicate("a"), Visibility.sqlPredicate("c"));
        String direction = newestFirst ? "desc" : "asc";
        String after = "";
        if (page.cursor() != null) {
            after = " where (at, key) " + (newestFirst ? "<" : ">") + " (:cursorAt, :cursorKey)";
            p.put("cursorAt", page.cursor().createdAt());
            p.put("cursorKey", page.cursor().id());
        }
        List<Row> rows = sql.query("select * from (" + items + ") item" + after + " order by at " + direction
                + ", key " + direction + " limit :limit", p, rs -> new Row(new TimelineItem(rs.getString("type"),
                        rs.getObject("id", UUID.class), Sql.instant(rs, "at"), rs.getString("precision"),
                        rs.getString("title"), rs.getString("detail"),
                        Classification.ofLevel(rs.getShort("classification")).name(),
                        rs.getObject("case_id", UUID.class)), rs.getObject("key", UUID.class),
                        rs.getShort("classification")));
        String next = null;
        if (rows.size() > page.limit()) {
            rows = rows.subList(0, page.limit());
            Row last = rows.get(rows.size() - 1);
            next = new Cursor(last.item.at(), last.key).encode();
        }
        auditRead(caller, entity, rows);
        return new Page<>(rows.stream().map(Row::item).toList(), next);
    }

    /** One audit event per page that shows a CONFIDENTIAL+ record, naming the items it returned. */
    private void auditRead(Caller caller, IntelEntity entity, List<Row> rows) {
        int highest = entity.classification.level();
        for (Row r : rows) {
            highest = Math.max(highest, r.classification);
        }
        if (highest >= Classification.CONFIDENTIAL.level()) {
            String list = String.join(",", rows.stream().map(r -> r.item.type() + ":" + r.item.id()).toList());
            audit.record(AuditActor.of(caller), "READ", "timeline", entity.id, Classification.ofLevel(highest),
                    "items=" + list);
        }
    }
}
