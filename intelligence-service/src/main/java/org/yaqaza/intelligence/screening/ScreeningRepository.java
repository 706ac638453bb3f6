package org.yaqaza.intelligence.screening;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import org.yaqaza.common.security.Caller;
import org.yaqaza.common.security.Visibility;
import org.yaqaza.intelligence.support.Sql;

/**
 * The SQL of screening: vocabulary look-ups (document frequencies, typo neighbours), posting probes and the
 * candidates' names. Every statement is an index probe over arrays of keys ({@code = ANY}, {@code unnest}
 * with a per-key LIMIT): none reads all names, so latency stays flat as the name count grows.
 */
@ApplicationScoped
public class ScreeningRepository {

    private final Sql sql;
    private final ScreeningConfig config;
    private final Map<String, long[]> dfCache = new ConcurrentHashMap<>();

    public ScreeningRepository(Sql sql, ScreeningConfig config) {
        this.sql = sql;
        this.config = config;
    }

    /** A vocabulary key near a query part: the key and its document frequency. */
    public record VocabularyKey(String key, int df) {
    }

    /** An entity whose names share keys with the query; {@code visible} is the visibility rule's verdict. */
    public record Candidate(UUID id, String kind, String displayName, Integer birthYear, String nationality,
            String ownerAgency, boolean visible, List<String> names) {
    }

    /** Keys in the vocabulary equal to a probe or one deletion away from one (typo neighbourhood). */
    public List<VocabularyKey> neighbours(Collection<String> probes) {
        if (probes.isEmpty()) {
            return List.of();
        }
        List<VocabularyKey> keys = sql.query("select distinct t.key, t.df from screening_fuzzy f"
                + " join screening_token t on t.key = f.key where f.del = any(:probes) and t.df > 0",
                Map.of("probes", probes.toArray(String[]::new)), rs -> new VocabularyKey(rs.getString(1),
                        rs.getInt(2)));
        long now = System.nanoTime();
        keys.forEach(k -> dfCache.put(k.key, new long[] { k.df, now }));
        return keys;
    }

    /** Document frequencies (0 for unknown keys), from a short-lived cache backed by the vocabulary. */
    public Map<String, Integer> df(Collection<String> keys) {
        Map<String, Integer> out = new HashMap<>();
        List<String> missing = new ArrayList<>();
        long now = System.nanoTime();
        long ttl = config.dfCacheTtl().toNanos();
        for (String key : keys) {
            long[] cached = dfCache.get(key);
            if (cached != null && now - cached[1] < ttl) {
                out.put(key, (int) cached[0]);
            } else {
                missing.add(key);
            }
        }
        if (!missing.isEmpty()) {
            Map<String, Integer> found = new HashMap<>();
            sql.query("select key, df from screening_token where key = any(:keys)",
                    Map.of("keys", missing.toArray(String[]::new)), rs -> found.put(rs.getString(1), rs.getInt(2)));
            for (String key : missing) {
                int df = found.getOrDefault(key, 0);
                out.put(key, df);
                if (dfCache.size() < 200_000) {
                    dfCache.put(key, new long[] { df, now });
                }
            }
        }
        return out;
    }

    /** Entities posted under each key, at most {@code limits[i]} per key: (key, entity) rows. */
    public List<Map.Entry<String, UUID>> postings(List<String> keys, List<Integer> limits) {
        if (keys.isEmpty()) {
            return List.of();
        }
        return sql.query("select k.key, p.entity_id from unnest(:keys, cast(:limits as int[])) as k(key, lim)"
                + " cross join lateral (select sp.entity_id from screening_posting sp where sp.key = k.key"
                + " limit k.lim) p", Map.of("keys", keys.toArray(String[]::new),
                        "limits", limits.stream().map(String::valueOf).toArray(String[]::new)),
                rs -> Map.entry(rs.getString(1), rs.getObject(2, UUID.class)));
    }

    /** The candidates' names and attributes, with the caller's visibility decided in SQL by yz_visible. */
    public List<Candidate> candidates(Caller caller, Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<String, Object> p = new HashMap<>(Visibility.parameters(caller));
        p.put("ids", ids.toArray(UUID[]::new));
        return sql.query("select e.id, e.kind, e.display_name, extract(year from e.birth_date)::int as birth_year,"
                + " e.nationality, e.owner_agency, " + Visibility.sqlPredicate("e") + " as visible,"
                + " (select array_agg(n.name order by n.position) from entity_name n where n.entity_id = e.id)"
                + " as names from entity e where e.id = any(:ids)", p,
                rs -> new Candidate(rs.getObject("id", UUID.class), rs.getString("kind"),
                        rs.getString("display_name"), (Integer) rs.getObject("birth_year"),
                        rs.getString("nationality"), rs.getString("owner_agency"), rs.getBoolean("visible"),
                        List.of(Sql.strings(rs, "names"))));
    }
}
