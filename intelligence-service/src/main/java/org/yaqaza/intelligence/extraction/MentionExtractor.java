package org.yaqaza.intelligence.extraction;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import org.yaqaza.common.persistence.Sql;
import org.yaqaza.common.security.Visibility;
import org.yaqaza.intelligence.screening.NameMatcher;
import org.yaqaza.intelligence.screening.NameNormaliser;
import org.yaqaza.intelligence.screening.NameNormaliser.Parsed;
import org.yaqaza.intelligence.screening.api.Explanation;

/**
 * Finds the spans of a report's title and body that name known entities. Each run of words that may be a name
 * ({@link TextWindows}) is parsed by the screening normaliser; its {@link NameKeys} are looked up among the names
 * of the entities the author may see (one statement, the visibility rule in SQL); each name found is scored by
 * screening's {@link NameMatcher} against the run, which also gives the explanation. Of overlapping runs the
 * longest wins ("Mohamed ben Ahmed Benali" over "Ahmed Benali"); namesakes on the same run are all proposed.
 */
@ApplicationScoped
public class MentionExtractor {

    public enum Field { TITLE, BODY }

    /** A span naming an entity. */
    public record Found(Field field, int start, int end, String text, UUID entityId, String name, double score,
            Explanation explanation) {
    }

    private record Run(Field field, TextWindows.Window window, Parsed parsed) {
    }

    /** Parsed runs and names are shared by every report; the cache is dropped whole when it grows too big. */
    private static final int CACHE_LIMIT = 200_000;
    private static final Parsed NOT_A_NAME = new Parsed(List.of(), List.of(), 0);
    private static final double SHORT_NAME_LENGTH_RATIO = 0.6;

    private final Sql sql;
    private final ExtractionConfig config;
    private final NameMatcher matcher = new NameMatcher();
    private final Map<String, Parsed> parsedCache = new ConcurrentHashMap<>();

    public MentionExtractor(Sql sql, ExtractionConfig config) {
        this.sql = sql;
        this.config = config;
    }

    /** In the caller's transaction: the spans of {@code title} and {@code body} naming entities the author may see. */
    public List<Found> extract(String title, String body, Map<String, Object> authorVisibility) {
        Map<String, List<Run>> runsByKey = new HashMap<>();
        addRuns(Field.TITLE, title, runsByKey);
        addRuns(Field.BODY, body, runsByKey);
        if (runsByKey.isEmpty()) {
            return List.of();
        }
        Map<String, Object> p = new HashMap<>(authorVisibility);
        p.put("keys", runsByKey.keySet().toArray(String[]::new));
        p.put("limit", config.perKeyLimit());
        List<String[]> names = sql.query("select q.key, x.entity_id::text, x.name from unnest(:keys) as q(key)"
                + " cross join lateral (select k.entity_id, k.name from extraction_name_key k join entity e"
                + " on e.id = k.entity_id where k.key = q.key and " + Visibility.sqlPredicate("e")
                + " order by k.entity_id, k.name limit :limit) x", p,
                rs -> new String[] { rs.getString(1), rs.getString(2), rs.getString(3) });
        Map<String, Found> best = new LinkedHashMap<>();
        for (String[] row : names) {
            for (Run run : runsByKey.get(row[0])) {
                NameMatcher.Scored scored = matcher.score(run.parsed, null, null, parse(row[2]), null, null,
                        part -> 1.0);
                double score = Math.min(1.0, scored.score());
                if (score < config.minScore() || tooShortFor(run.parsed, row[2])) {
                    continue;
                }
                TextWindows.Window w = run.window;
                Found found = new Found(run.field, w.start(), w.end(), w.text(), UUID.fromString(row[1]), row[2],
                        score, scored.explanation());
                String spot = run.field + ":" + w.start() + ":" + w.end() + ":" + row[1];
                best.merge(spot, found, (a, b) -> a.score >= b.score ? a : b);
            }
        }
        return longestFirst(new ArrayList<>(best.values()));
    }

    private void addRuns(Field field, String text, Map<String, List<Run>> runsByKey) {
        if (text == null || text.isEmpty()) {
            return;
        }
        for (TextWindows.Window window : TextWindows.of(text, config.maxNameWords())) {
            Parsed parsed = parse(window.text());
            if (parsed.isEmpty() || parsed.parts().stream().mapToInt(part -> part.skeleton().length()).sum() < 2) {
                continue; // "Le", "Al": too little of a name to stand for one
            }
            Run run = new Run(field, narrowed(window, parsed), parsed);
            for (String key : NameKeys.of(parsed.parts())) {
                runsByKey.computeIfAbsent(key, k -> new ArrayList<>()).add(run);
            }
        }
    }

    /**
     * A one-part Latin run of a short skeleton against a Latin name far longer ("Les" is not "Lousous"): vowels
     * vary between spellings, but not to the point of losing half the letters.
     */
    private boolean tooShortFor(Parsed run, String name) {
        NameNormaliser.Part part = run.parts().get(0);
        Parsed named = parse(name);
        if (run.parts().size() != 1 || named.parts().size() != 1 || part.skeleton().length() >= 3
                || part.script() != NameNormaliser.Script.LATIN
                || named.parts().get(0).script() != NameNormaliser.Script.LATIN) {
            return false;
        }
        int a = part.form().length();
        int b = named.parts().get(0).form().length();
        return Math.min(a, b) < SHORT_NAME_LENGTH_RATIO * Math.max(a, b);
    }

    /**
     * The window without words the normaliser dropped at its edges ("à Tiflet" is the span "Tiflet"); unchanged when
     * a part's text cannot be found as written (accents and apostrophes are gone from it).
     */
    private static TextWindows.Window narrowed(TextWindows.Window window, Parsed parsed) {
        String first = parsed.parts().get(0).text().split(" ")[0];
        String[] lastWords = parsed.parts().get(parsed.parts().size() - 1).text().split(" ");
        String last = lastWords[lastWords.length - 1];
        int from = window.text().indexOf(first);
        int to = window.text().lastIndexOf(last);
        if (from < 0 || to < from || (from == 0 && to + last.length() == window.text().length())) {
            return window;
        }
        int end = to + last.length();
        return new TextWindows.Window(window.start() + from, window.start() + end, window.text().substring(from, end));
    }

    private Parsed parse(String text) {
        Parsed cached = parsedCache.get(text);
        if (cached != null) {
            return cached;
        }
        Parsed parsed = NameNormaliser.standard().parse(text);
        if (parsedCache.size() >= CACHE_LIMIT) {
            parsedCache.clear();
        }
        parsedCache.put(text, parsed.isEmpty() ? NOT_A_NAME : parsed);
        return parsed;
    }

    /** Keeps a span unless a longer kept span of the same field overlaps it; spans of equal extent all stay. */
    static List<Found> longestFirst(List<Found> found) {
        found.sort(Comparator.comparing(Found::field).thenComparing((Found f) -> f.start - f.end)
                .thenComparing(Found::start).thenComparing((Found f) -> -f.score));
        List<Found> kept = new ArrayList<>();
        for (Found f : found) {
            boolean shadowed = kept.stream().anyMatch(k -> k.field == f.field && k.start < f.end && f.start < k.end
                    && !(k.start == f.start && k.end == f.end));
            if (!shadowed) {
                kept.add(f);
            }
        }
        kept.sort(Comparator.comparing(Found::field).thenComparing(Found::start).thenComparing(f -> -f.score));
        return kept;
    }
}
