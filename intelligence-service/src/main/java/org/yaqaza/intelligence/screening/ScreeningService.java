package org.yaqaza.intelligence.screening;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import org.yaqaza.common.audit.AuditActor;
import org.yaqaza.common.audit.AuditTrail;
import org.yaqaza.common.problem.Problem;
import org.yaqaza.common.problem.ProblemException;
import org.yaqaza.common.security.Caller;
import org.yaqaza.intelligence.alert.AlertService;
import org.yaqaza.intelligence.screening.NameNormaliser.Parsed;
import org.yaqaza.intelligence.screening.NameNormaliser.Part;
import org.yaqaza.intelligence.screening.api.Candidate;
import org.yaqaza.intelligence.screening.api.ScreeningRequest;
import org.yaqaza.intelligence.screening.api.ScreeningResult;

/**
 * Name screening: retrieval by index keys (single keys and pairs of parts, each capped, typo neighbours from the
 * vocabulary), scoring of the best few dozen entities in Java with every part weighing the same, and
 * deconfliction: a hit on an entity the caller may not see is never returned and alerts the supervisors of
 * the owning agency instead.
 */
@ApplicationScoped
public class ScreeningService {

    public static final String OBJECT_TYPE = "screening";
    public static final int MAX_NAME_LENGTH = 300;
    /** Weight of a part matched only through a typo neighbour, relative to an exact key. */
    private static final double FUZZY_RETRIEVAL = 0.7;
    /** Birth years around the query's that a capped key is also read for (the scoring's "date uncertainty"). */
    private static final int YEAR_WINDOW = 2;
    /** Retrieval credit of an entity born in that window, on the scale of a part's weight. */
    private static final double YEAR_RETRIEVAL = 1.0;
    /**
     * Weight of every name part, in retrieval and in the score: no corpus statistic (document frequency, entity
     * count) enters a screening, since any count over the entities would include some a caller may not see.
     */
    static final double PART_WEIGHT = 1.0;

    private final ScreeningRepository repository;
    private final ScreeningConfig config;
    private final AuditTrail audit;
    private final AlertService alerts;
    private final NameNormaliser normaliser = NameNormaliser.standard();
    private final NameMatcher matcher = new NameMatcher();
    private final ScreeningCaches caches;

    private final Timer vocabularyTime;
    private final Timer retrievalTime;
    private final Timer scoringTime;
    private final Timer auditTime;

    public ScreeningService(ScreeningRepository repository, ScreeningCaches caches, ScreeningConfig config,
            AuditTrail audit, AlertService alerts, MeterRegistry meters) {
        this.repository = repository;
        this.caches = caches;
        this.config = config;
        this.audit = audit;
        this.alerts = alerts;
        // where a screening's time goes (operators tune pair-cap and scored from these)
        this.vocabularyTime = phaseTimer(meters, "vocabulary");
        this.retrievalTime = phaseTimer(meters, "retrieval");
        this.scoringTime = phaseTimer(meters, "scoring");
        // the SCREEN event of a single screening (lock at the chain's tail, tail read, insert)
        this.auditTime = phaseTimer(meters, "audit");
    }

    private static Timer phaseTimer(MeterRegistry meters, String phase) {
        return Timer.builder("yaqaza.screening.phase").tag("phase", phase)
                .description("Time per screened name in one phase: vocabulary look-ups, retrieval statement(s),"
                        + " parsing and scoring of the candidates")
                .register(meters);
    }

    /** A checked query. */
    public record Query(String name, Parsed parsed, Integer birthYear, String nationality, int limit) {
    }

    public double threshold() {
        return config.threshold();
    }

    /** Checks a request (beyond Bean Validation: script and name parts); 400 problem when unusable. */
    public Query query(ScreeningRequest request) {
        String name = request.name();
        if (name == null || name.isBlank()) {
            throw ProblemException.badRequest("Invalid request", "must not be blank", "name");
        }
        if (name.length() > MAX_NAME_LENGTH) {
            throw ProblemException.badRequest("Invalid request", "size must be between 1 and " + MAX_NAME_LENGTH,
                    "name");
        }
        Parsed parsed = normaliser.parse(name);
        if (parsed.isEmpty()) {
            String detail = parsed.otherScriptLetters() > 0
                    ? "Names are screened in Arabic or Latin script; this name has neither."
                    : "The name has no name part (only particles, digits or punctuation).";
            throw new ProblemException(400, null, parsed.otherScriptLetters() > 0 ? "Unsupported script"
                    : "Invalid request", detail, List.of(new Problem.FieldError("name", detail)), null);
        }
        int limit = request.limit() == null ? config.defaultLimit() : request.limit();
        return new Query(name, parsed, request.birthYear(), request.nationality(), limit);
    }

    /** One screening, audited (one event), with deconfliction alerts. */
    @Transactional
    public ScreeningResult screen(Caller caller, ScreeningRequest request) {
        return screen(caller, request, new Timings());
    }

    /** As {@link #screen(Caller, ScreeningRequest)}, noting where its time went in {@code timings}. */
    @Transactional
    public ScreeningResult screen(Caller caller, ScreeningRequest request, Timings timings) {
        Query query = query(request);
        ScreeningResult result = run(caller, query, new HashSet<>(), true, timings);
        long auditing = System.nanoTime();
        audit.record(AuditActor.of(caller), "SCREEN", OBJECT_TYPE, null, null, auditDetail(query, result, ""));
        timings.audit = System.nanoTime() - auditing;
        auditTime.record(timings.audit, TimeUnit.NANOSECONDS);
        return result;
    }

    /**
     * Nanoseconds one single screening spent per phase (the resource's {@code Server-Timing} header), so that the
     * tail of a client's latency can be split into the service's phases and the rest (request handling, commit).
     */
    public static final class Timings {
        /** What retrieval read, when a bench asked for it ({@code retrieval-stats}); otherwise null. */
        final ScreeningRepository.Stats stats;
        long vocabulary;
        long retrieval;
        long scoring;
        long audit;

        public Timings() {
            this(false);
        }

        public Timings(boolean stats) {
            this.stats = stats ? new ScreeningRepository.Stats() : null;
        }

        /** {@code Server-Timing} header value, {@code total} being the whole screening with its commit. */
        public String header(long total) {
            return String.format(Locale.ROOT,
                    "vocabulary;dur=%.2f, retrieval;dur=%.2f, scoring;dur=%.2f, audit;dur=%.2f, total;dur=%.2f",
                    vocabulary / 1e6, retrieval / 1e6, scoring / 1e6, audit / 1e6, total / 1e6)
                    + (stats == null ? "" : String.format(Locale.ROOT, ", probes;desc=%d, rows;desc=%d,"
                            + " maxrows;desc=%d, capped;desc=%d, candidates;desc=%d, statements;desc=%d",
                            stats.probes, stats.rowsRead, stats.maxProbeRows, stats.cappedProbes, stats.candidates,
                            stats.statements));
        }
    }

    /** The audit event of a batch (one per batch, written before the first result). */
    @Transactional
    public void auditBatch(Caller caller, String format) {
        audit.record(AuditActor.of(caller), "SCREEN_BATCH", OBJECT_TYPE, null, null, "format=" + format);
    }

    /**
     * The SCREEN events of the names of one batch chunk, as a single screening would write them (plus the item's
     * batch position), appended together: the audit trail says who looked up which name, batch or not, without
     * taking the chain's tail once per name.
     */
    @Transactional
    public void auditBatchItems(Caller caller, String format, List<Screened> screened) {
        audit.recordAll(AuditActor.of(caller), "SCREEN", OBJECT_TYPE, screened.stream()
                .map(s -> auditDetail(s.query(), s.result(), "; batch=" + format + "; index=" + s.index()))
                .toList());
    }

    /** A name screened within a batch (its position from 0), with its result. */
    public record Screened(int index, Query query, ScreeningResult result) {
    }

    private static String auditDetail(Query query, ScreeningResult result, String suffix) {
        long hits = result.candidates().stream().filter(Candidate::hit).count();
        return "name=" + abbreviate(query.name()) + "; candidates=" + result.candidates().size() + "; hits=" + hits
                + suffix;
    }

    /**
     * Screens one checked query in the current transaction. {@code alerted} collects the hidden entities
     * already alerted in this request (a batch alerts once per entity). With {@code deconflict} false no
     * alert is written (the evaluation harness measures ranking only).
     */
    public ScreeningResult run(Caller caller, Query query, Set<UUID> alerted, boolean deconflict) {
        return run(caller, query, alerted, deconflict, new Timings());
    }

    private ScreeningResult run(Caller caller, Query query, Set<UUID> alerted, boolean deconflict,
            Timings timings) {
        long started = System.nanoTime();
        List<Part> parts = query.parsed().parts();
        // 1. vocabulary: the typo neighbours of the query's skeletons that name an entity the caller may see
        Set<String> skeletons = new LinkedHashSet<>();
        for (Part p : parts) {
            skeletons.add(p.skeleton());
        }
        Map<String, List<String>> near = repository.visibleNeighbours(caller, skeletons, timings.stats);
        List<List<String>> fuzzy = new ArrayList<>();
        for (Part p : parts) {
            fuzzy.add(near.getOrDefault(p.skeleton(), List.of()).stream()
                    .filter(k -> !p.keys().contains(k) && p.skeleton().length() >= 3
                            && NameMatcher.damerauLevenshtein(k, p.skeleton()) == 1)
                    .sorted().limit(config.fuzzyExpansions()).toList());
        }
        // 2. probes, each entity earning per part the part's weight (through a typo neighbour less): every key of
        // a part and every pair of parts read up to pair-cap entities the caller may see; with a birth year, pairs
        // (single keys too when the query has one part, so no pair) also for the years around it (the "year"
        // part earns a bonus)
        Plan plan = new Plan(query.birthYear(), parts.size());
        boolean singlesByYear = parts.size() == 1;
        int scored = Math.max(config.scored(), query.limit());
        // with two parts or more, an entity sharing two of them is found through their pair; one found by a single
        // part earns one part's credit and ties with that key's every namesake, of which at most `scored` are
        // scored: reading pair-cap of them (thousands share a common key at 1M names) only costs time
        int singleCap = singlesByYear ? config.pairCap() : Math.min(config.pairCap(), scored);
        for (int i = 0; i < parts.size(); i++) {
            for (String k : parts.get(i).keys()) {
                plan.capped(k, singleCap, Map.of(i, PART_WEIGHT), singlesByYear);
            }
            for (String k : fuzzy.get(i)) {
                plan.capped(k, singleCap, Map.of(i, PART_WEIGHT * FUZZY_RETRIEVAL), singlesByYear);
            }
            for (String k : parts.get(i).weak()) {
                // another convention's reading (bounded per part): credited like a typo neighbour
                plan.capped(k, singleCap, Map.of(i, PART_WEIGHT * FUZZY_RETRIEVAL), singlesByYear);
            }
        }
        for (int i = 0; i < parts.size(); i++) {
            for (int j = i + 1; j < parts.size(); j++) {
                for (String a : pairKeys(parts.get(i), fuzzy.get(i))) {
                    for (String b : pairKeys(parts.get(j), fuzzy.get(j))) {
                        // through a typo neighbour a part earns a neighbour's weight here too: otherwise the
                        // hundreds of namesakes of a neighbouring name tie with the name itself at the scored cut
                        plan.capped(ScreeningIndex.pair(a, b), config.pairCap(), Map.of(i,
                                retrievalWeight(parts.get(i), a), j, retrievalWeight(parts.get(j), b)), true);
                    }
                }
            }
        }
        long retrieving = System.nanoTime();
        timings.vocabulary = retrieving - started;
        vocabularyTime.record(timings.vocabulary, TimeUnit.NANOSECONDS);
        // 3. the best-credited entities the caller may see, with names (visibility decided in SQL before every
        // cut), and apart from them the best hidden ones, scored only to alert their owners
        List<ScreeningRepository.Candidate> found = repository.rank(caller, plan.probes, plan.credits, scored,
                deconflict, timings.stats);
        long scoring = System.nanoTime();
        timings.retrieval = scoring - retrieving;
        retrievalTime.record(timings.retrieval, TimeUnit.NANOSECONDS);
        // 4. score the candidates' names
        List<List<Parsed>> candidateNames = new ArrayList<>(found.size());
        for (ScreeningRepository.Candidate c : found) {
            candidateNames.add(c.names().stream().map(n -> caches.parsedName(n, normaliser::parse)).toList());
        }
        NameMatcher.Weights weights = p -> PART_WEIGHT;
        List<Candidate> visible = new ArrayList<>();
        for (int i = 0; i < found.size(); i++) {
            ScreeningRepository.Candidate c = found.get(i);
            NameMatcher.Scored top = null;
            String matched = null;
            List<Parsed> names = candidateNames.get(i);
            for (int n = 0; n < names.size(); n++) {
                if (names.get(n).isEmpty()) {
                    continue;
                }
                NameMatcher.Scored s = matcher.score(query.parsed(), query.birthYear(), query.nationality(),
                        names.get(n), c.birthYear(), c.nationality(), weights);
                if (top == null || s.score() > top.score()) {
                    top = s;
                    matched = c.names().get(n);
                }
            }
            if (top == null) {
                continue;
            }
            boolean hit = top.score() >= config.threshold();
            if (c.visible()) {
                visible.add(new Candidate(c.id(), c.kind(), matched, top.score(), hit,
                        top.explanation()));
            } else if (hit && deconflict && alerted.add(c.id())) {
                alerts.screeningHit(c.id(), "Screening by " + caller.subject() + " (" + caller.agency()
                        + ") matched \"" + abbreviate(matched) + "\" with \"" + abbreviate(query.name())
                        + "\" (score " + top.score() + "); the screener was not told.");
            }
        }
        visible.sort(Comparator.comparingDouble((Candidate c) -> -c.score())
                .thenComparing(c -> c.entityId()));
        timings.scoring = System.nanoTime() - scoring;
        scoringTime.record(timings.scoring, TimeUnit.NANOSECONDS);
        return new ScreeningResult(config.threshold(),
                List.copyOf(visible.subList(0, Math.min(query.limit(), visible.size()))));
    }

    /** The posting probes of one query, numbered in order, and what an entity found by each earns per part. */
    private static final class Plan {
        final List<ScreeningRepository.Probe> probes = new ArrayList<>();
        final List<ScreeningRepository.Credit> credits = new ArrayList<>();
        private final Map<String, Integer> numbers = new HashMap<>();
        private final Integer birthYear;
        /** The "part" a birth-year probe credits: one past the name parts. */
        private final int yearPart;

        Plan(Integer birthYear, int nameParts) {
            this.birthYear = birthYear;
            this.yearPart = nameParts;
        }

        /**
         * A key capped at {@code limit} entities, crediting each of {@code parts}; {@code byYear} and with a birth
         * year it is also read for the years around it, so that among thousands of namesakes those born then are
         * not capped away.
         */
        void capped(String key, int limit, Map<Integer, Double> parts, boolean byYear) {
            int any = number(ScreeningRepository.Probe.anyYear(key, limit));
            parts.forEach((part, weight) -> credits.add(new ScreeningRepository.Credit(any, part, weight)));
            if (byYear && birthYear != null) {
                int near = number(new ScreeningRepository.Probe(key, limit, birthYear - YEAR_WINDOW,
                        birthYear + YEAR_WINDOW));
                parts.forEach((part, weight) -> credits.add(new ScreeningRepository.Credit(near, part, weight)));
                credits.add(new ScreeningRepository.Credit(near, yearPart, YEAR_RETRIEVAL));
            }
        }

        private int number(ScreeningRepository.Probe probe) {
            return numbers.computeIfAbsent(probe.key() + "|" + probe.fromYear(), k -> {
                probes.add(probe);
                return probes.size() - 1;
            });
        }
    }

    /** What a part earns through {@code key}: its weight for one of its own keys, less for a typo neighbour. */
    private static double retrievalWeight(Part part, String key) {
        return part.keys().contains(key) ? PART_WEIGHT : PART_WEIGHT * FUZZY_RETRIEVAL;
    }

    /** Keys a part may be paired under: its pair key, an alternate, a weak reading, typo neighbours (bounded). */
    private static List<String> pairKeys(Part p, List<String> fuzzy) {
        List<String> out = new ArrayList<>();
        for (String k : p.keys()) {
            if (out.size() < 2) {
                out.add(k);
            }
        }
        for (String k : p.weak()) {
            if (out.size() < 3) {
                out.add(k);
            }
        }
        for (String k : fuzzy) {
            if (out.size() < 4 && !out.contains(k)) {
                out.add(k);
            }
        }
        return out;
    }

    private static String abbreviate(String s) {
        return s.length() <= 100 ? s : s.substring(0, 100) + "…";
    }
}
