package org.yaqaza.intelligence.screening;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import org.yaqaza.common.persistence.Sql;
import org.yaqaza.common.security.Caller;
import org.yaqaza.common.security.Visibility;

/**
 * The SQL of screening: vocabulary look-ups (document frequencies, typo neighbours), posting probes and the
 * candidates' names. Every statement is an index probe over arrays of keys ({@code = ANY}, {@code unnest}
 * with a per-key LIMIT): none reads all names, so latency stays flat as the name count grows.
 */
@ApplicationScoped
public class ScreeningRepository {

    /** Entries per cache (document frequencies, neighbourhoods): a few MB at most. */
    private static final int CACHE_ENTRIES = 200_000;

    private final Sql sql;
    private final ScreeningConfig config;
    private final Map<String, long[]> dfCache = new ConcurrentHashMap<>();
    private final Map<String, CachedNeighbours> neighbourCache = new ConcurrentHashMap<>();

    private record CachedNeighbours(List<VocabularyKey> keys, long at) {
    }

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

    /**
     * Vocabulary keys equal to each skeleton or one deletion away from it (typo neighbourhood), from a short-lived
     * cache backed by one statement for the skeletons not cached: names in a batch share most of their parts.
     */
    public Map<String, List<VocabularyKey>> neighbours(Collection<String> skeletons) {
        Map<String, List<VocabularyKey>> out = new HashMap<>();
        List<String> missing = new ArrayList<>();
        Map<String, List<String>> skeletonsByProbe = new HashMap<>();
        long now = System.nanoTime();
        long ttl = config.dfCacheTtl().toNanos();
        for (String skeleton : skeletons) {
            CachedNeighbours cached = neighbourCache.get(skeleton);
            if (cached != null && now - cached.at < ttl) {
                out.put(skeleton, cached.keys);
                continue;
            }
            out.put(skeleton, new ArrayList<>());
            missing.add(skeleton);
            for (String probe : ScreeningIndex.neighbourhood(skeleton)) {
                skeletonsByProbe.computeIfAbsent(probe, x -> new ArrayList<>()).add(skeleton);
            }
        }
        if (skeletonsByProbe.isEmpty()) {
            return out;
        }
        sql.query("select f.del, t.key, t.df from screening_fuzzy f join screening_token t on t.key = f.key"
                + " where f.del = any(:probes) and t.df > 0",
                Map.of("probes", skeletonsByProbe.keySet().toArray(String[]::new)), rs -> {
                    VocabularyKey key = new VocabularyKey(rs.getString(2), rs.getInt(3));
                    for (String skeleton : skeletonsByProbe.get(rs.getString(1))) {
                        List<VocabularyKey> keys = out.get(skeleton);
                        if (!keys.contains(key)) {
                            keys.add(key);
                        }
                    }
                    dfCache.put(key.key, new long[] { key.df, now });
                    return null;
                });
        for (String skeleton : missing) {
            if (neighbourCache.size() >= CACHE_ENTRIES) {
                neighbourCache.clear(); // crude bound; the next queries fill it again
            }
            neighbourCache.put(skeleton, new CachedNeighbours(List.copyOf(out.get(skeleton)), now));
        }
        return out;
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
                if (dfCache.size() < CACHE_ENTRIES) {
                    dfCache.put(key, new long[] { df, now });
                }
            }
        }
        return out;
    }

    /**
     * A posting probe: the entities under {@code key}, at most {@code limit} of them, born from {@code fromYear} to
     * {@code toYear} (postings carry the birth year, 0 when unknown; {@link #anyYear} reads them all).
     */
    public record Probe(String key, int limit, int fromYear, int toYear) {
        public static Probe anyYear(String key, int limit) {
            return new Probe(key, limit, 0, Short.MAX_VALUE);
        }
    }

    /** What an entity found by probe number {@code probe} (0-based) earns for query part {@code part}. */
    public record Credit(int probe, int part, double weight) {
    }

    /**
     * The {@code scored} entities with the highest retrieval weight (per part the best credit, summed over parts),
     * best first, with their names, attributes and the caller's visibility decided in SQL by yz_visible. One
     * statement: the posting rows (thousands for common names) are weighed where they are, not shipped.
     */
    public List<Candidate> rank(Caller caller, List<Probe> probes, List<Credit> credits, int scored) {
        if (probes.isEmpty()) {
            return List.of();
        }
        Map<String, Object> p = new HashMap<>(Visibility.parameters(caller));
        p.put("keys", probes.stream().map(Probe::key).toArray(String[]::new));
        p.put("limits", probes.stream().mapToInt(Probe::limit).toArray());
        p.put("fromYears", probes.stream().mapToInt(Probe::fromYear).toArray());
        p.put("toYears", probes.stream().mapToInt(Probe::toYear).toArray());
        // ordinality numbers probes from 1
        p.put("creditProbes", credits.stream().mapToInt(c -> c.probe() + 1).toArray());
        p.put("creditParts", credits.stream().mapToInt(Credit::part).toArray());
        p.put("creditWeights", credits.stream().mapToDouble(Credit::weight).toArray());
        p.put("scored", scored);
        return sql.query("with hit as (select p.entity_id, c.part, max(c.weight) as w"
                + " from unnest(:keys, :limits, :fromYears, :toYears) with ordinality as k(key, lim, y0, y1, n)"
                + " cross join lateral (select sp.entity_id from screening_posting sp where sp.key = k.key"
                + " and sp.birth_year between k.y0 and k.y1 limit k.lim) p"
                + " join unnest(:creditProbes, :creditParts, :creditWeights) as c(n, part, weight) on c.n = k.n"
                + " group by p.entity_id, c.part),"
                + " ranked as (select entity_id, sum(w) as retrieval from hit group by entity_id"
                + " order by retrieval desc, entity_id limit :scored)"
                + " select e.id, e.kind, e.display_name, extract(year from e.birth_date)::int as birth_year,"
                + " e.nationality, e.owner_agency, " + Visibility.sqlPredicate("e") + " as visible,"
                + " (select array_agg(n.name order by n.position) from entity_name n where n.entity_id = e.id)"
                + " as names from ranked r join entity e on e.id = r.entity_id order by r.retrieval desc, e.id", p,
                rs -> new Candidate(rs.getObject("id", UUID.class), rs.getString("kind"),
                        rs.getString("display_name"), (Integer) rs.getObject("birth_year"),
                        rs.getString("nationality"), rs.getString("owner_agency"), rs.getBoolean("visible"),
                        List.of(Sql.strings(rs, "names"))));
    }
}
