package org.yaqaza.intelligence.screening;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.yaqaza.common.audit.AuditActor;
import org.yaqaza.common.audit.AuditTrail;
import org.yaqaza.common.problem.Problem;
import org.yaqaza.common.problem.ProblemException;
import org.yaqaza.common.security.Caller;
import org.yaqaza.intelligence.alert.AlertService;
import org.yaqaza.intelligence.screening.NameNormaliser.Parsed;
import org.yaqaza.intelligence.screening.NameNormaliser.Part;
import org.yaqaza.intelligence.screening.api.ScreeningRequest;
import org.yaqaza.intelligence.screening.api.ScreeningResult;

/**
 * Name screening: retrieval by index keys (rare single keys read whole, common ones only through pairs of
 * parts, typo neighbours from the vocabulary), scoring of the best few hundred entities in Java, and
 * deconfliction: a hit on an entity the caller may not see is never returned and alerts the supervisors of
 * the owning agency instead.
 */
@ApplicationScoped
public class ScreeningService {

    public static final String OBJECT_TYPE = "screening";
    public static final int MAX_NAME_LENGTH = 300;
    /** Weight of a part matched only through a typo neighbour, relative to an exact key. */
    private static final double FUZZY_RETRIEVAL = 0.7;

    private final ScreeningRepository repository;
    private final ScreeningConfig config;
    private final AuditTrail audit;
    private final AlertService alerts;
    private final NameNormaliser normaliser = NameNormaliser.standard();
    private final NameMatcher matcher = new NameMatcher();

    public ScreeningService(ScreeningRepository repository, ScreeningConfig config, AuditTrail audit,
            AlertService alerts) {
        this.repository = repository;
        this.config = config;
        this.audit = audit;
        this.alerts = alerts;
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
        Query query = query(request);
        ScreeningResult result = run(caller, query, new HashSet<>(), true);
        long hits = result.candidates().stream().filter(ScreeningResult.Candidate::hit).count();
        audit.record(AuditActor.of(caller), "SCREEN", OBJECT_TYPE, null, null,
                "name=" + abbreviate(query.name()) + "; candidates=" + result.candidates().size() + "; hits=" + hits);
        return result;
    }

    /** The audit event of a batch (one per batch, written before the first result). */
    @Transactional
    public void auditBatch(Caller caller, String format) {
        audit.record(AuditActor.of(caller), "SCREEN_BATCH", OBJECT_TYPE, null, null, "format=" + format);
    }

    /**
     * Screens one checked query in the current transaction. {@code alerted} collects the hidden entities
     * already alerted in this request (a batch alerts once per entity). With {@code deconflict} false no
     * alert is written (the evaluation harness measures ranking only).
     */
    public ScreeningResult run(Caller caller, Query query, Set<UUID> alerted, boolean deconflict) {
        List<Part> parts = query.parsed().parts();
        // 1. vocabulary: document frequencies of the query's keys and their typo neighbours
        Set<String> exact = new LinkedHashSet<>();
        Set<String> probes = new LinkedHashSet<>();
        for (Part p : parts) {
            exact.addAll(p.keys());
            probes.addAll(ScreeningIndex.neighbourhood(p.skeleton()));
        }
        exact.add(ScreeningIndex.ENTITY_COUNT);
        Map<String, Integer> df = new HashMap<>(repository.df(exact));
        exact.remove(ScreeningIndex.ENTITY_COUNT);
        int entities = Math.max(1, df.getOrDefault(ScreeningIndex.ENTITY_COUNT, 1));
        List<ScreeningRepository.VocabularyKey> near = repository.neighbours(probes);
        List<List<String>> fuzzy = new ArrayList<>();
        for (Part p : parts) {
            int known = p.keys().stream().mapToInt(k -> df.getOrDefault(k, 0)).max().orElse(0);
            // a typo neighbour is looked at only when it is far commoner than the spelling as given
            List<String> own = near.stream()
                    .filter(k -> !p.keys().contains(k.key()) && p.skeleton().length() >= 3
                            && k.df() >= 20L * known
                            && NameMatcher.damerauLevenshtein(k.key(), p.skeleton()) == 1)
                    .sorted(Comparator.comparingInt(ScreeningRepository.VocabularyKey::df).reversed())
                    .limit(config.fuzzyExpansions()).map(k -> {
                        df.put(k.key(), k.df());
                        return k.key();
                    }).toList();
            fuzzy.add(own);
        }
        // 2. postings: rare single keys whole, pairs of parts capped, common single keys only if nothing else
        Map<String, List<int[]>> credits = new LinkedHashMap<>();
        List<String> keys = new ArrayList<>();
        List<Integer> limits = new ArrayList<>();
        List<String> common = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            for (String k : parts.get(i).keys()) {
                addSingle(k, i, 1, df, credits, keys, limits, common);
            }
            for (String k : fuzzy.get(i)) {
                addSingle(k, i, 0, df, credits, keys, limits, common);
            }
        }
        for (int i = 0; i < parts.size(); i++) {
            for (int j = i + 1; j < parts.size(); j++) {
                for (String a : pairKeys(parts.get(i), fuzzy.get(i))) {
                    for (String b : pairKeys(parts.get(j), fuzzy.get(j))) {
                        String pair = ScreeningIndex.pair(a, b);
                        if (!credits.containsKey(pair)) {
                            keys.add(pair);
                            limits.add(config.pairCap());
                        }
                        credits.computeIfAbsent(pair, x -> new ArrayList<>()).add(new int[] { i, j });
                    }
                }
            }
        }
        List<Map.Entry<String, UUID>> rows = new ArrayList<>(repository.postings(keys, limits));
        if (rows.size() < query.limit() && !common.isEmpty()) {
            rows.addAll(repository.postings(common, common.stream().map(k -> config.pairCap()).toList()));
        }
        // 3. retrieval weight: rarity of the parts an entity shares with the query
        double[] idf = new double[parts.size()];
        for (int i = 0; i < parts.size(); i++) {
            idf[i] = weight(parts.get(i), df, entities);
        }
        Map<UUID, double[]> shared = new HashMap<>();
        for (Map.Entry<String, UUID> row : rows) {
            double[] credit = shared.computeIfAbsent(row.getValue(), id -> new double[parts.size()]);
            for (int[] c : credits.getOrDefault(row.getKey(), List.of())) {
                double factor = c.length == 2 && c[1] < 0 ? FUZZY_RETRIEVAL : 1;
                credit[c[0]] = Math.max(credit[c[0]], idf[c[0]] * factor);
                if (c.length == 2 && c[1] >= 0) {
                    credit[c[1]] = Math.max(credit[c[1]], idf[c[1]]);
                }
            }
        }
        List<UUID> best = shared.entrySet().stream()
                .sorted(Comparator.comparingDouble((Map.Entry<UUID, double[]> e) -> -sum(e.getValue()))
                        .thenComparing(Map.Entry::getKey))
                .limit(config.scored()).map(Map.Entry::getKey).toList();
        // 4. score the candidates' names; visibility was decided in SQL
        List<ScreeningRepository.Candidate> found = repository.candidates(caller, best);
        Map<ScreeningRepository.Candidate, List<Parsed>> parsedNames = new HashMap<>();
        Set<String> candidateKeys = new HashSet<>();
        for (ScreeningRepository.Candidate c : found) {
            List<Parsed> names = c.names().stream().map(normaliser::parse).toList();
            parsedNames.put(c, names);
            names.forEach(n -> n.parts().forEach(p -> candidateKeys.addAll(p.keys())));
        }
        candidateKeys.removeAll(df.keySet());
        df.putAll(repository.df(candidateKeys));
        NameMatcher.Weights weights = p -> weight(p, df, entities);
        List<ScreeningResult.Candidate> visible = new ArrayList<>();
        for (ScreeningRepository.Candidate c : found) {
            NameMatcher.Scored top = null;
            String matched = null;
            List<Parsed> names = parsedNames.get(c);
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
                visible.add(new ScreeningResult.Candidate(c.id(), c.kind(), matched, top.score(), hit,
                        top.explanation()));
            } else if (hit && deconflict && alerted.add(c.id())) {
                alerts.screeningHit(c.id(), "Screening by " + caller.subject() + " (" + caller.agency()
                        + ") matched \"" + abbreviate(matched) + "\" with \"" + abbreviate(query.name())
                        + "\" (score " + top.score() + "); the screener was not told.");
            }
        }
        visible.sort(Comparator.comparingDouble((ScreeningResult.Candidate c) -> -c.score())
                .thenComparing(c -> c.entityId()));
        return new ScreeningResult(config.threshold(),
                List.copyOf(visible.subList(0, Math.min(query.limit(), visible.size()))));
    }

    /** A single key: read whole when rare; otherwise kept for the fallback read. Credit {part, -1} = fuzzy. */
    private void addSingle(String key, int part, int exactness, Map<String, Integer> df,
            Map<String, List<int[]>> credits, List<String> keys, List<Integer> limits, List<String> common) {
        int d = df.getOrDefault(key, 0);
        if (d == 0) {
            return;
        }
        boolean known = credits.containsKey(key);
        credits.computeIfAbsent(key, x -> new ArrayList<>()).add(exactness == 1 ? new int[] { part }
                : new int[] { part, -1 });
        if (known) {
            return;
        }
        if (d <= config.rareDf()) {
            keys.add(key);
            limits.add(config.rareDf());
        } else {
            common.add(key);
        }
    }

    /** Keys a part may be paired under: its pair key, alternates and typo neighbours (bounded). */
    private static List<String> pairKeys(Part p, List<String> fuzzy) {
        List<String> out = new ArrayList<>();
        for (String k : p.keys()) {
            if (out.size() < 2) {
                out.add(k);
            }
        }
        for (String k : fuzzy) {
            if (out.size() < 4) {
                out.add(k);
            }
        }
        return out;
    }

    /** Inverse document frequency of a part's commonest key (conservative: a variant spelling is no rarer). */
    static double weight(Part p, Map<String, Integer> df, int entities) {
        int most = 0;
        for (String k : p.keys()) {
            most = Math.max(most, df.getOrDefault(k, 0));
        }
        return Math.max(0.2, Math.log(1 + (double) entities / (most + 1)));
    }

    private static double sum(double[] values) {
        double s = 0;
        for (double v : values) {
            s += v;
        }
        return s;
    }

    private static String abbreviate(String s) {
        return s.length() <= 100 ? s : s.substring(0, 100) + "…";
    }
}
