package org.yaqaza.prevention.evaluation;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.yaqaza.prevention.api.EvaluationView;
import org.yaqaza.prevention.config.PreventionConfig;

/**
 * Finished evaluations, each valid for one version of the data (table evaluation_data_version, bumped at the
 * commit of every transaction that changes what the evaluation reads). An entry answers only a request with the
 * same programme, edition, as-of date, exactness and visibility parameters, read at the same version: the first
 * request at a newer version empties the cache. Least recently used entries go first beyond the configured size.
 */
@ApplicationScoped
public class EvaluationCache {

    /**
     * What the figures depend on besides the data: {@code edition} null for a programme's evaluation;
     * {@code visibility} the caller's parameters of the visibility predicate; {@code exact} prevention staff.
     */
    public record Key(UUID programme, UUID edition, LocalDate asOf, boolean exact, Map<String, Object> visibility) {
    }

    private final int capacity;
    private final Map<Key, EvaluationView> entries;
    private long version = Long.MIN_VALUE;

    public EvaluationCache(PreventionConfig config) {
        this.capacity = config.evaluation().cacheEntries();
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, EvaluationView> eldest) {
                return size() > capacity;
            }
        };
    }

    /** The evaluation computed at data version {@code version} for {@code key}, or null. */
    public synchronized EvaluationView get(long version, Key key) {
        if (version != this.version) {
            return null;
        }
        return entries.get(key);
    }

    /** Keeps {@code view}, computed after reading data version {@code version}; older versions' entries go. */
    public synchronized void put(long version, Key key, EvaluationView view) {
        if (capacity <= 0 || version < this.version) {
            return;
        }
        if (version > this.version) {
            entries.clear();
            this.version = version;
        }
        entries.put(key, view);
    }
}
