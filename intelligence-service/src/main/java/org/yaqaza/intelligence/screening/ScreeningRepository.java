package org.yaqaza.intelligence.screening;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
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
 * The SQL of screening: vocabulary look-ups (typo neighbours), posting probes and the candidates' names. Every
 * statement is an index probe over arrays of keys ({@code = ANY}, {@code unnest} with a per-key LIMIT): none reads
 * all names, so latency stays flat as the name count grows. The keys filed under a typo-neighbourhood probe go
 * through {@link ScreeningCaches} first: names in a batch, and queries in a day, share most parts.
 */
@ApplicationScoped
public class ScreeningRepository {

    private final Sql sql;
    private final ScreeningCaches caches;

    public ScreeningRepository(Sql sql, ScreeningCaches caches) {
        this.sql = sql;
        this.caches = caches;
    }

    /** An entity whose names share keys with the query; {@code visible} is the visibility rule's verdict. */
    public record Candidate(UUID id, String kind, String displayName, Integer birthYear, String nationality,
            String ownerAgency, boolean visible, List<String> names) {
    }

    /**
     * Vocabulary keys equal to each skeleton or one deletion away from it (typo neighbourhood) under which the
     * caller may see an entity, in key order. The keys filed under each probe (the skeleton and its deletions) are
     * cached, whoever asks; the probes not cached are read in one statement. Whether the caller may see an entity
     * under a key is decided in SQL on every call, never cached: a key that only hidden entities carry is no
     * neighbour, so it can neither take a visible key's place nor show that it exists.
     */
    public Map<String, List<String>> visibleNeighbours(Caller caller, Collection<String> skeletons) {
        return visibleNeighbours(caller, skeletons, null);
    }

    /** As {@link #visibleNeighbours(Caller, Collection)}, counting its statements into {@code stats} when given. */
    public Map<String, List<String>> visibleNeighbours(Caller caller, Collection<String> skeletons, Stats stats) {
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
            sql.query("select del, key from screening_fuzzy where del = any(:probes) order by key",
                    Map.of("probes", missing.toArray(String[]::new)), rs -> loaded.get(rs.getString(1))
                            .add(rs.getString(2)));
            loaded.replaceAll((probe, keys) -> List.copyOf(keys));
            caches.putNeighbourKeys(loaded, generation);
            if (stats != null) {
                stats.statements++;
            }
            keysByProbe.putAll(loaded);
        }
        Set<String> allKeys = new TreeSet<>();
        probes.forEach(probe -> allKeys.addAll(keysByProbe.get(probe)));
        Set<String> visible = new HashSet<>();
        if (!allKeys.isEmpty()) {
            Map<String, Object> p = new HashMap<>(Visibility.parameters(caller));
            p.put("keys", allKeys.toArray(String[]::new));
            if (stats != null) {
                stats.statements++;
            }
            visible.addAll(sql.query("select k.key from unnest(:keys) as k(key) where exists (select 1 from"
                    + " screening_posting sp join entity e on e.id = sp.entity_id where sp.key = k.key and "
                    + Visibility.sqlPredicate("e") + ")", p, rs -> rs.getString(1)));
        }
        Map<String, List<String>> out = new HashMap<>();
        for (String skeleton : skeletons) {
            Set<String> keys = new TreeSet<>();
            ScreeningIndex.neighbourhood(skeleton).forEach(probe -> keys.addAll(keysByProbe.get(probe)));
            keys.retainAll(visible);
            out.put(skeleton, List.copyOf(keys));
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
     * The hidden half is bounded like a blind probe (the hidden entities among a key's first {@code limit}
     * postings): it only raises alerts for the owners, and an exhaustive search for hidden rows cost a full scan
     * of every common key's postings (242 ms of retrieval per name at 1M names).
     */
    public List<Candidate> rank(Caller caller, List<Probe> probes, List<Credit> credits, int scored, boolean hidden) {
        return rank(caller, probes, credits, scored, hidden, null);
    }

    /**
     * What the statements of one screening read, for benchmarks only ({@code retrieval-stats}): it depends on rows
     * the caller may not see, like the timings. {@code rowsRead} counts the posting rows the probes' LATERALs
     * returned (visible half) or looked at (hidden half): where the caller sees every row, the rows read.
     */
    public static final class Stats {
        public int statements;
        public int probes;
        public int cappedProbes;
        public long rowsRead;
        public long maxProbeRows;
        public int candidates;
    }

    /** As {@link #rank(Caller, List, List, int, boolean)}, counting what it read into {@code stats} when given. */
    public List<Candidate> rank(Caller caller, List<Probe> probes, List<Credit> credits, int scored, boolean hidden,
            Stats stats) {
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
        String rows = "select k.n, k.lim, p.visible, p.entity_id, p.keep"
                + " from unnest(:keys, :limits, :fromYears, :toYears) with ordinality as k(key, lim, y0, y1, n)"
                + " cross join lateral (" + (hidden ? BOTH_HALVES : VISIBLE_HALF) + ") p";
        if (stats != null) {
            return rankCounted(rows, p, probes.size(), stats);
        }
        return sql.query("with rows as materialized (" + rows + ")," + HIT_AND_RANKED + " " + CANDIDATES
                + " order by r.visible desc, r.retrieval desc, e.id", p, ScreeningRepository::candidate);
    }

    /** The probes' rows ({@code rows}) credited to entity parts, and each half's entities ranked by their sum. */
    private static final String HIT_AND_RANKED = " hit as (select r.visible, r.entity_id, c.part, max(c.weight) as w"
            + " from rows r join unnest(:creditProbes, :creditParts, :creditWeights) as c(n, part, weight)"
            + " on c.n = r.n where r.keep group by r.visible, r.entity_id, c.part),"
            + " ranked as (select visible, entity_id, sum(w) as retrieval, row_number() over (partition by"
            + " visible order by sum(w) desc, entity_id) as place from hit group by visible, entity_id)";

    /** The first {@code scored} of each half with what scoring needs. */
    private static final String CANDIDATES = "select e.id, e.kind, e.display_name,"
            + " extract(year from e.birth_date)::int as birth_year, e.nationality, e.owner_agency, r.visible,"
            + " r.retrieval, (select array_agg(n.name order by n.position) from entity_name n"
            + " where n.entity_id = e.id) as names from ranked r join entity e on e.id = r.entity_id"
            + " where r.place <= :scored";

    /** A probe's first {@code lim} postings the caller may see (LATERAL over {@code k}). */
    private static final String VISIBLE_HALF = "select sp.entity_id, true as visible, true as keep"
            + " from screening_posting sp join entity e on e.id = sp.entity_id where sp.key = k.key"
            + " and sp.birth_year between k.y0 and k.y1 and " + Visibility.sqlPredicate("e") + " limit k.lim";

    /**
     * Both halves of a probe from one scan where it is enough: the visible half is the first {@code lim} postings
     * the caller may see, the hidden half the hidden ones among the first {@code lim} postings of any visibility
     * ({@code f}). When {@code f} is all visible, or is the key's every posting, its visible rows ARE the visible
     * half; only otherwise (a hidden row among them, more postings after) is the visible half read by a scan of its
     * own, as before — so the rows kept are exactly those of two separate scans, and a caller who sees the first
     * {@code lim} namesakes reads them once instead of twice. {@code keep} false: read, not used (counted by the
     * benchmark's variant).
     */
    private static final String BOTH_HALVES = "with f as materialized (select sp.entity_id, "
            + Visibility.sqlPredicate("e") + " as shown from screening_posting sp join entity e"
            + " on e.id = sp.entity_id where sp.key = k.key and sp.birth_year between k.y0 and k.y1 limit k.lim),"
            + " g as (select coalesce(bool_and(shown), true) or count(*) < k.lim as exact from f)"
            + " select f.entity_id, f.shown as visible, not f.shown or g.exact as keep from f cross join g"
            + " union all (select sp.entity_id, true, true from screening_posting sp join entity e"
            + " on e.id = sp.entity_id where not (select exact from g) and sp.key = k.key"
            + " and sp.birth_year between k.y0 and k.y1 and " + Visibility.sqlPredicate("e") + " limit k.lim)";

    private static Candidate candidate(ResultSet rs) throws SQLException {
        return new Candidate(rs.getObject("id", UUID.class), rs.getString("kind"), rs.getString("display_name"),
                (Integer) rs.getObject("birth_year"), rs.getString("nationality"), rs.getString("owner_agency"),
                rs.getBoolean("visible"), List.of(Sql.strings(rs, "names")));
    }

    /**
     * The same ranking with the probes' rows kept apart (materialised) and counted: the same index reads, plus
     * the counting; one row of counts even when nothing was found.
     */
    private List<Candidate> rankCounted(String rows, Map<String, Object> p, int probes, Stats stats) {
        stats.statements++;
        stats.probes += probes;
        List<Candidate> out = new ArrayList<>();
        sql.query("with rows as materialized (" + rows + ")," + HIT_AND_RANKED + ","
                + " counts as (select coalesce(sum(g.c), 0) as rows_read, coalesce(max(g.c), 0) as max_rows,"
                + " count(*) filter (where g.c >= g.lim) as capped,"
                + " (select count(distinct entity_id) from hit where visible) as candidates"
                + " from (select r.n, r.visible, min(r.lim) as lim, count(*) as c from rows r"
                + " group by r.n, r.visible) g)"
                + " select s.rows_read, s.max_rows, s.capped, s.candidates, x.* from counts s left join ("
                + CANDIDATES + ") x on true"
                + " order by x.visible desc, x.retrieval desc, x.id", p, rs -> {
                    stats.rowsRead = rs.getLong("rows_read");
                    stats.maxProbeRows = Math.max(stats.maxProbeRows, rs.getLong("max_rows"));
                    stats.cappedProbes = rs.getInt("capped");
                    stats.candidates = rs.getInt("candidates");
                    if (rs.getObject("id") != null) {
                        out.add(candidate(rs));
                    }
                    return null;
                });
        // the counts are repeated on every row: keep them once
        return out;
    }
}
