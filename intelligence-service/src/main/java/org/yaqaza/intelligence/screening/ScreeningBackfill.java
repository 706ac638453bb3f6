package org.yaqaza.intelligence.screening;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;
import org.yaqaza.common.persistence.Sql;
import org.yaqaza.intelligence.model.EntityKind;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;

/**
 * At startup, indexes persons and organisations that have names but no screening keys: entities written before
 * screening existed (migration V5) or loaded around the service. Names changed through the API are indexed in
 * their own transaction by {@link ScreeningIndex}.
 */
@ApplicationScoped
public class ScreeningBackfill {

    private static final Logger LOG = Logger.getLogger(ScreeningBackfill.class);
    private static final int BATCH = 500;

    private final Sql sql;
    private final ScreeningIndex index;

    public ScreeningBackfill(Sql sql, ScreeningIndex index) {
        this.sql = sql;
        this.index = index;
    }

    void onStart(@Observes StartupEvent event) {
        int total = 0;
        Set<UUID> seen = new HashSet<>();
        while (true) {
            int done = QuarkusTransaction.requiringNew().call(() -> {
                List<Object[]> rows = sql.query("select e.id, e.kind, (select array_agg(n.name) from entity_name n"
                        + " where n.entity_id = e.id) from entity e where e.kind in ('PERSON', 'ORGANISATION')"
                        + " and not exists (select 1 from screening_posting p where p.entity_id = e.id)"
                        + " and exists (select 1 from entity_name n where n.entity_id = e.id)"
                        + " and not (e.id = any(:seen)) limit " + BATCH,
                        Map.of("seen", seen.toArray(UUID[]::new)), rs -> new Object[] {
                            rs.getObject(1, UUID.class), rs.getString(2), Sql.strings(rs, "array_agg") });
                for (Object[] row : rows) {
                    UUID id = (UUID) row[0];
                    seen.add(id);
                    index.reindex(id, EntityKind.valueOf((String) row[1]), List.of((String[]) row[2]));
                }
                return rows.size();
            });
            total += done;
            if (done < BATCH) {
                break;
            }
        }
        if (total > 0) {
            LOG.infof("screening: indexed the names of %d entities", total);
        }
    }
}
