package org.yaqaza.intelligence.screening;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.yaqaza.common.persistence.Sql;
import org.yaqaza.common.security.Caller;
import org.yaqaza.common.security.Visibility;

/**
 * The SQL of screening: vocabulary look-ups (document frequencies, typo neighbours), posting probes and the
 * candidates' names. Every statement is an index probe over arrays of keys ({@code = ANY}, {@code unnest}
 * with a per-key LIMIT): none reads all names, so latency stays flat as the name count grows. Vocabulary
 * look-ups go through {@link ScreeningCaches} first: names in a batch, and queries in a day, share most parts.
 */
@ApplicationScoped
public class ScreeningRepository {

    private final Sql sql;
    private final ScreeningCaches caches;

    public ScreeningRepository(Sql sql, ScreeningCaches caches) {
        this.sql = sql;
        this.caches = caches;
    }

    /** A vocabulary key near a query part: the key and its document frequency. */
    public record VocabularyKey(String key, int df) {
    }

    /** An entity whose names share keys with the query; {@code visible} is the visibility rule's verdict. */
    public record Candidate(UUID id, String kind, String displayName, Integer birthYear, String nationality,
            String ownerAgency, boolean visible, List<String> names) {
    }

    /**
     * Vocabulary keys equal to each skeleton or one deletion away from it (typo neighbourhood), with their
     * document frequencies, in key order. The keys filed under each probe (the skeleton and its deletions) are
     * cached; the probes not cached are read in one statement.
     */
    public Map<String, List<VocabularyKey>> neighbours(Collection<String> skeletons) {
        Set<String> probes = new TreeSet<>();
        for (String skeleton : skeletons) {
            probes.addAll(ScreeningIndex.neighbourhood(skeleton));
        }
        Map<String, List<String>> keysByProbe = new HashMap<>(caches.cachedNeighbourKeys(probes));
        List<String> missing = probes.stream().filter(probe -> !keysByProbe.containsKey(probe)).toList();
        if (!missing.isEmpty()) {
            long generation = caches.generation();
            Map<String, List<String>> loaded = new HashMap<>();
            missing.forEach(probe -> loaded.put(probe, new ArrayList<>()));
            Map<String, Integer> dfs = new HashMap<>();
            sql.query("select f.del, t.key, t.df from screening_fuzzy f join screening_token t on t.key = f.key"
                    + " where f.del = any(:probes) and t.df > 0 order by t.key",
                    Map.of("probes", missing.toArray(String[]::new)), rs -> {
                        loaded.get(rs.getString(1)).add(rs.getString(2));
                        dfs.put(rs.getString(2), rs.getInt(3));
                        return null;
                    });
            loaded.replaceAll((probe, keys) -> List.copyOf(keys));
            caches.putNeighbourKeys(loaded, generation);
            caches.putDf(dfs, generation);
            keysByProbe.putAll(loaded);
        }
        Map<String, Set<String>> keysBySkeleton = new HashMap<>();
        Set<String> allKeys = new TreeSet<>();
        for (String skeleton : skeletons) {
            Set<String> keys = new TreeSet<>();
            ScreeningIndex.neighbourhood(skeleton).forEach(probe -> keys.addAll(keysByProbe.get(probe)));
            keysBySkeleton.put(skeleton, keys);
            allKeys.addAll(keys);
        }
        // frequencies as they are now: a key filed under a probe may have lost its last entity since
        Map<String, Integer> df = df(allKeys);
        Map<String, List<VocabularyKey>> out = new HashMap<>();
        keysBySkeleton.forEach((skeleton, keys) -> out.put(skeleton, keys.stream()
                .filter(key -> df.get(key) > 0).map(key -> new VocabularyKey(key, df.get(key))).toList()));
        return out;
    }

    /** Document frequencies (0 for unknown keys), cached; the keys not cached are read in one statement. */
    public Map<String, Integer> df(Collection<String> keys) {
        Map<String, Integer> out = new HashMap<>(caches.cachedDf(keys));
        List<String> missing = keys.stream().filter(key -> !out.containsKey(key)).distinct().toList();
        if (!missing.isEmpty()) {
            long generation = caches.generation();
            Map<String, Integer> loaded = new HashMap<>();
            missing.forEach(key -> loaded.put(key, 0));
            sql.query("select key, df from screening_token where key = any(:keys)",
                    Map.of("keys", missing.toArray(String[]::new)), rs -> loaded.put(rs.getString(1), rs.getInt(2)));
            caches.putDf(loaded, generation);
            out.putAll(loaded);
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
     * The {@code scored} entities the caller may see with the highest retrieval weight (per part the best credit,
     * summed over parts), best first, with their names and attributes; with {@code hidden}, after them the
     * {@code scored} best entities the caller may not see (for deconfliction alerts only). One statement: the
     * posting rows (thousands for common names) are weighed where they are, not shipped.
     * <p>
     * Visibility (yz_visible) is decided for every posting row before any cut — the per-key LIMIT and the
     * {@code scored} cut each count visible and hidden entities apart — so the visible half is exactly what it
     * would be if no hidden entity existed: a hidden namesake can neither take a visible one's slot nor move it.
     */
    public List<Candidate> rank(Caller caller, List<Probe> probes, List<Credit> credits, int scored, boolean hidden) {
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
        p.put("halves", hidden ? new boolean[] { true, false } : new boolean[] { true });
        return sql.query("with hit as (select h.visible, p.entity_id, c.part, max(c.weight) as w"
                + " from unnest(:keys, :limits, :fromYears, :toYears) with ordinality as k(key, lim, y0, y1, n)"
                + " cross join unnest(:halves) as h(visible)"
                + " cross join lateral (select sp.entity_id from screening_posting sp join entity e"
                + " on e.id = sp.entity_id where sp.key = k.key and sp.birth_year between k.y0 and k.y1"
                + " and " + Visibility.sqlPredicate("e") + " = h.visible limit k.lim) p"
                + " join unnest(:creditProbes, :creditParts, :creditWeights) as c(n, part, weight) on c.n = k.n"
                + " group by h.visible, p.entity_id, c.part),"
                + " ranked as (select visible, entity_id, sum(w) as retrieval, row_number() over (partition by"
                + " visible order by sum(w) desc, entity_id) as place from hit group by visible, entity_id)"
                + " select e.id, e.kind, e.display_name, extract(year from e.birth_date)::int as birth_year,"
                + " e.nationality, e.owner_agency, r.visible,"
                + " (select array_agg(n.name order by n.position) from entity_name n where n.entity_id = e.id)"
                + " as names from ranked r join entity e on e.id = r.entity_id where r.place <= :scored"
                + " order by r.visible desc, r.retrieval desc, e.id", p,
                rs -> new Candidate(rs.getObject("id", UUID.class), rs.getString("kind"),
                        rs.getString("display_name"), (Integer) rs.getObject("birth_year"),
                        rs.getString("nationality"), rs.getString("owner_agency"), rs.getBoolean("visible"),
                        List.of(Sql.strings(rs, "names"))));
    }
}
