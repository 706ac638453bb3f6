package org.yaqaza.intelligence.extraction;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.yaqaza.common.persistence.Sql;

/**
 * Every name key of {@code extraction_name_key}, in memory, so that a run of words whose keys no entity has is
 * dropped before any database access (nearly every run of a report). The table stays the truth: a run that passes
 * is looked up there with the author's visibility. A statement trigger bumps {@code extraction_key_version} in the
 * transaction that changes the keys, whoever writes them (any replica, a migration, a backfill), so the version
 * becomes visible with the keys: each worker batch reads it and reloads the keys when it moved. Keys are read
 * after the version, so a loaded set holds at least the keys of its version; a key deleted since only costs a
 * look-up that finds nothing.
 */
@ApplicationScoped
public class NameKeySet {

    /** The keys at one version, and the part keys they are made of (a key is part keys joined by blanks). */
    public record Snapshot(long version, Set<String> keys, Set<String> parts) implements MentionExtractor.KeyFilter {

        @Override
        public boolean mayBePart(String partKey) {
            return parts.contains(partKey);
        }

        @Override
        public boolean mayBeKey(String key) {
            return keys.contains(key);
        }
    }

    private final Sql sql;
    private volatile Snapshot snapshot = new Snapshot(Long.MIN_VALUE, Set.of(), Set.of());

    public NameKeySet(Sql sql) {
        this.sql = sql;
    }

    /** In the caller's transaction: the keys as of now (reloaded when another transaction changed them). */
    public Snapshot current() {
        return current(sql.query("select version from extraction_key_version", Map.of(), rs -> rs.getLong(1)).get(0));
    }

    /**
     * In the caller's transaction: the keys of at least {@code version}, a version the caller read in this
     * transaction (a worker reads it with its claim, one round trip less).
     */
    public Snapshot current(long version) {
        Snapshot known = snapshot;
        if (known.version >= version) {
            return known;
        }
        synchronized (this) {
            if (snapshot.version >= version) {
                return snapshot;
            }
            List<String> keys = sql.query("select distinct key from extraction_name_key", Map.of(),
                    rs -> rs.getString(1));
            Set<String> parts = new HashSet<>();
            for (String key : keys) {
                parts.addAll(List.of(key.split(" ")));
            }
            snapshot = new Snapshot(version, Set.copyOf(keys), Set.copyOf(parts));
            return snapshot;
        }
    }
}
