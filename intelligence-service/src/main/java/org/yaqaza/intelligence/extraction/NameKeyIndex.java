package org.yaqaza.intelligence.extraction;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;
import org.yaqaza.common.persistence.Sql;
import org.yaqaza.intelligence.model.EntityKind;
import org.yaqaza.intelligence.screening.NameNormaliser;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;

/**
 * Keeps the extraction keys ({@link NameKeys}) of persons, organisations and places in step with their names, in
 * the transaction that changes them. A person named with three parts or more is also found by the first and the
 * last (a partial name, "Mohamed Benali" for "Mohamed ben Ahmed Benali"). At startup, entities that have names but
 * no keys (written before extraction existed, or loaded around the service) are indexed.
 */
@ApplicationScoped
public class NameKeyIndex {

    private static final Logger LOG = Logger.getLogger(NameKeyIndex.class);
    private static final int BACKFILL_BATCH = 500;

    private final Sql sql;

    public NameKeyIndex(Sql sql) {
        this.sql = sql;
    }

    public static boolean extracted(EntityKind kind) {
        return kind != EntityKind.EVENT;
    }

    /** In the caller's transaction: replaces the keys of one entity. */
    public void reindex(UUID entityId, EntityKind kind, Collection<String> names) {
        sql.update("delete from extraction_name_key where entity_id = :id", Map.of("id", entityId));
        if (!extracted(kind)) {
            return;
        }
        List<String> keys = new ArrayList<>();
        List<String> keyNames = new ArrayList<>();
        List<String> partial = new ArrayList<>();
        for (String name : names) {
            List<NameNormaliser.Part> parts = NameNormaliser.standard().parse(name).parts();
            if (parts.isEmpty()) {
                continue;
            }
            for (String key : NameKeys.of(parts)) {
                keys.add(key);
                keyNames.add(name);
                partial.add("false");
            }
            if (kind == EntityKind.PERSON && parts.size() >= 3) {
                for (String key : NameKeys.of(List.of(parts.get(0), parts.get(parts.size() - 1)))) {
                    keys.add(key);
                    keyNames.add(name);
                    partial.add("true");
                }
            }
        }
        if (!keys.isEmpty()) {
            sql.update("insert into extraction_name_key (key, entity_id, name, partial) select k.key, :id, k.name,"
                    + " k.partial::boolean from unnest(:keys, :names, :partial) as k(key, name, partial)"
                    + " on conflict do nothing", Map.of("id", entityId, "keys", keys.toArray(String[]::new),
                            "names", keyNames.toArray(String[]::new), "partial", partial.toArray(String[]::new)));
        }
    }

    void onStart(@Observes StartupEvent event) {
        int total = 0;
        while (true) {
            int indexed = QuarkusTransaction.requiringNew().call(this::backfillBatch);
            total += indexed;
            if (indexed < BACKFILL_BATCH) {
                break;
            }
        }
        if (total > 0) {
            LOG.infof("Extraction keys built for %d entities", total);
        }
    }

    private int backfillBatch() {
        List<Object[]> rows = sql.query("select e.id, e.kind, (select array_agg(n.name order by n.position)"
                + " from entity_name n where n.entity_id = e.id) as names from entity e where e.kind <> 'EVENT'"
                + " and exists (select 1 from entity_name n where n.entity_id = e.id)"
                + " and not exists (select 1 from extraction_name_key k where k.entity_id = e.id)"
                + " order by e.id limit :batch", Map.of("batch", BACKFILL_BATCH),
                rs -> new Object[] { rs.getObject(1, UUID.class), rs.getString(2), Sql.strings(rs, "names") });
        for (Object[] row : rows) {
            reindex((UUID) row[0], EntityKind.valueOf((String) row[1]), List.of((String[]) row[2]));
        }
        return rows.size();
    }
}
