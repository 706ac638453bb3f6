package org.yaqaza.intelligence.extraction;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

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

    /** A run of words; {@code sentenceStart}: it opens a sentence, where a capital says nothing of a name. */
    private record Run(Field field, TextWindows.Window window, Parsed parsed, boolean sentenceStart) {
    }

    /** Parsed names and words' tokens are shared by every report; a cache is dropped whole when it grows too big. */
    private static final int CACHE_LIMIT = 200_000;
    private static final Parsed NOT_A_NAME = new Parsed(List.of(), List.of(), 0);
    private static final double SHORT_NAME_LENGTH_RATIO = 0.6;
    /** How far below the best namesake on one span a candidate is no longer proposed. */
    static final double NAMESAKE_MARGIN = 0.1;

    private final Sql sql;
    private final ExtractionConfig config;
    private final NameMatcher matcher = new NameMatcher();
    private final Map<String, Parsed> parsedCache = new ConcurrentHashMap<>();
    private final Map<String, WordInfo> wordCache = new ConcurrentHashMap<>();

    public MentionExtractor(Sql sql, ExtractionConfig config) {
        this.sql = sql;
        this.config = config;
    }

    /**
     * Which name keys may exist at all, asked before a run is looked up: the worker passes the keys held in memory
     * ({@link NameKeySet}), so runs no entity could match never reach the database.
     */
    public interface KeyFilter {
        /** Whether some key is made with this part key. */
        boolean mayBePart(String partKey);

        /** Whether this key may be in the look-up table. */
        boolean mayBeKey(String key);

        /** Everything passes (the look-up decides alone). */
        KeyFilter ALL = new KeyFilter() {
            public boolean mayBePart(String partKey) {
                return true;
            }

            public boolean mayBeKey(String key) {
                return true;
            }
        };
    }

    /** A report's runs that may name a known entity, by name key: what the look-up is asked for. */
    public static final class Prepared {
        private final Map<String, List<Run>> runsByKey = new HashMap<>();

        public Set<String> keys() {
            return runsByKey.keySet();
        }

        /** Each key's runs as field, span and parts (for tests). */
        Map<String, List<String>> describe() {
            Map<String, List<String>> described = new TreeMap<>();
            runsByKey.forEach((key, runs) -> described.put(key, runs.stream().map(r -> r.field + ":"
                    + r.window.start() + ":" + r.window.end() + ":" + r.sentenceStart + ":" + r.parsed.parts())
                    .toList()));
            return described;
        }
    }

    /** In the caller's transaction: the spans of {@code title} and {@code body} naming entities the author may see. */
    public List<Found> extract(String title, String body, Map<String, Object> authorVisibility) {
        return extract(title, body, keys -> lookUp(keys, authorVisibility));
    }

    /**
     * The same with another look-up: from name keys to rows {key, entity id, name, the entity's Arabic-script
     * names one a line or ""} (MentionExtractorRulesTest drives the rules without a database).
     */
    List<Found> extract(String title, String body, Function<String[], List<String[]>> lookUp) {
        Prepared prepared = prepare(title, body, KeyFilter.ALL);
        if (prepared.runsByKey.isEmpty()) {
            return List.of();
        }
        return score(prepared, lookUp.apply(prepared.keys().toArray(String[]::new)));
    }

    /** The runs of a report that pass {@code filter}, with their keys. */
    public Prepared prepare(String title, String body, KeyFilter filter) {
        return prepare(title, body, filter, true);
    }

    /** {@code scan} false: every run is parsed (ScanEquivalenceTest holds the scan to the same runs). */
    Prepared prepare(String title, String body, KeyFilter filter, boolean scan) {
        Prepared prepared = new Prepared();
        addRuns(Field.TITLE, title, prepared.runsByKey, filter, scan);
        addRuns(Field.BODY, body, prepared.runsByKey, filter, scan);
        return prepared;
    }

    /**
     * In the caller's transaction: the look-up of many reports' keys at once, for one author's visibility (a worker
     * batch asks once per author, not once per report); rows as {@link #extract(String, String, Function)} takes.
     */
    public List<String[]> lookUpAll(Collection<String> keys, Map<String, Object> authorVisibility) {
        return keys.isEmpty() ? List.of() : lookUp(keys.toArray(String[]::new), authorVisibility);
    }

    /**
     * A batch's look-up rows indexed by key once, so each report of the batch reads only the rows of its own keys
     * (in the look-up's order) instead of every row of the batch: scoring a batch was reports × rows.
     */
    public static final class NameRows {
        private final List<String[]> rows;
        private final Map<String, List<Integer>> byKey = new HashMap<>();

        public NameRows(List<String[]> rows) {
            this.rows = rows;
            for (int i = 0; i < rows.size(); i++) {
                byKey.computeIfAbsent(rows.get(i)[0], k -> new ArrayList<>()).add(i);
            }
        }

        /** The rows of {@code prepared}'s keys, in the order of the look-up (which scoring's ties depend on). */
        List<String[]> of(Prepared prepared) {
            List<Integer> picked = new ArrayList<>();
            for (String key : prepared.runsByKey.keySet()) {
                List<Integer> found = byKey.get(key);
                if (found != null) {
                    picked.addAll(found);
                }
            }
            Collections.sort(picked);
            List<String[]> mine = new ArrayList<>(picked.size());
            for (int i : picked) {
                mine.add(rows.get(i));
            }
            return mine;
        }
    }

    /** The same as {@link #score(Prepared, List)} with the batch's rows indexed by key. */
    public List<Found> score(Prepared prepared, NameRows names) {
        return score(prepared, names.of(prepared));
    }

    /** The spans of a prepared report named by the rows found (rows of keys the report has not are ignored). */
    public List<Found> score(Prepared prepared, List<String[]> names) {
        Map<String, Found> best = new LinkedHashMap<>();
        for (String[] row : names) {
            List<Run> runs = prepared.runsByKey.get(row[0]);
            if (runs == null) {
                continue;
            }
            Parsed name = parse(row[2]);
            List<Parsed> arabicNames = row[3].isEmpty() ? List.of()
                    : Arrays.stream(row[3].split("\n")).map(this::parse).filter(n -> !n.isEmpty()).toList();
            for (Run run : runs) {
                if (!evidenced(run, name, arabicNames)) {
                    continue;
                }
                NameMatcher.Scored scored = matcher.score(run.parsed, null, null, name, null, null, part -> 1.0);
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

    private List<String[]> lookUp(String[] keys, Map<String, Object> authorVisibility) {
        Map<String, Object> p = new HashMap<>(authorVisibility);
        p.put("keys", keys);
        p.put("limit", config.perKeyLimit());
        // the last column: the entity's names in Arabic script, one a line (text is held to them)
        return sql.query("select q.key, x.entity_id::text, x.name, (select string_agg(n.name, E'\\n' order by"
                + " n.position) from entity_name n where n.entity_id = x.entity_id and n.script = 'ARABIC')"
                + " from unnest(:keys) as q(key)"
                + " cross join lateral (select k.entity_id, k.name from extraction_name_key k join entity e"
                + " on e.id = k.entity_id where k.key = q.key and " + Visibility.sqlPredicate("e")
                + " order by k.entity_id, k.name limit :limit) x", p,
                rs -> new String[] { rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getString(4) == null ? "" : rs.getString(4) });
    }

    /**
     * Each word of the text is tokenised once by the screening normaliser ({@link NameNormaliser#tokens}) and each
     * run parsed from its words' tokens, which is the parse of the run's text (the normaliser's rules, not a copy);
     * a run is kept only when every part has a key {@code filter} may know, with the keys it may know. Most runs
     * are ruled out before any parse ({@link Scan}): a word whose part no neighbour can change and none of whose
     * keys is known rules out every run it stands in after the first word, and the short runs it opens.
     */
    private void addRuns(Field field, String text, Map<String, List<Run>> runsByKey, KeyFilter filter,
            boolean scanFirst) {
        if (text == null || text.isEmpty()) {
            return;
        }
        List<TextWindows.Word> words = TextWindows.words(text);
        Scan scan = new Scan(text, words, scanFirst ? filter : KeyFilter.ALL);
        List<NameNormaliser.Word> run = new ArrayList<>();
        for (int[] span : TextWindows.spans(words, config.maxNameWords())) {
            if (scan.ruledOut(span[0], span[1])) {
                continue;
            }
            run.clear();
            int other = 0;
            for (int k = span[0]; k <= span[1]; k++) {
                NameNormaliser.Tokens tokens = scan.word(k).tokens;
                run.addAll(tokens.words());
                other += tokens.otherScriptLetters();
            }
            Parsed parsed = NameNormaliser.standard().parse(run, other);
            // the in-memory filter first: it rules out nearly every run
            if (parsed.isEmpty() || !everyPartMayBeKnown(parsed, filter) || tooLittle(parsed)) {
                continue;
            }
            List<String> keys = NameKeys.of(parsed.parts()).stream().filter(filter::mayBeKey).toList();
            if (keys.isEmpty()) {
                continue;
            }
            int start = words.get(span[0]).start();
            int end = words.get(span[1]).end();
            TextWindows.Window narrowed = narrowed(new TextWindows.Window(start, end, text.substring(start, end)),
                    parsed);
            Run found = new Run(field, narrowed, parsed, TextWindows.opensSentence(text, narrowed.start()));
            for (String key : keys) {
                runsByKey.computeIfAbsent(key, k -> new ArrayList<>()).add(found);
            }
        }
    }

    /** A key is one key of each part: a part none of whose keys is in any known key rules the run out. */
    private static boolean everyPartMayBeKnown(Parsed parsed, KeyFilter filter) {
        for (NameNormaliser.Part part : parsed.parts()) {
            boolean known = false;
            for (String key : part.keys()) {
                if (filter.mayBePart(key)) {
                    known = true;
                    break;
                }
            }
            if (!known) {
                return false;
            }
        }
        return true;
    }

    /**
     * A word as the scan needs it: its tokens, and when it is one token, the part it makes whatever its neighbours
     * ({@link NameNormaliser#contextFreePart}, null otherwise). Shared by every report (words recur).
     */
    private record WordInfo(NameNormaliser.Tokens tokens, NameNormaliser.Part contextFree) {
    }

    /**
     * The runs of one text that parse need not see. Runs come by first word, then by growing last word
     * ({@link TextWindows#spans}); for a first word {@code i} whose part no neighbour changes, the words after it
     * are walked once: the first that is also context-free and has no known key ({@code dead}) rules out every run
     * from {@code i} reaching it — that word is a part of the run as it is alone, not its first, and a run is kept
     * only when every part has a known key — unless a word before it may change the parts (the walk stops there).
     * A dead first word rules out the runs of at most two tokens: the first part gains a key only when three parts
     * or more make the fused compound first name. The same runs are ruled out as by parsing them (speed only).
     */
    private final class Scan {
        private final String text;
        private final List<TextWindows.Word> words;
        private final KeyFilter filter;
        private final WordInfo[] infos;
        /** Per word: 0 not yet known, 1 neighbours may change its part, 2 a known key, 3 dead. */
        private final byte[] states;
        private int first = -1;
        private int walked;
        private boolean killed;
        private boolean blocked;

        Scan(String text, List<TextWindows.Word> words, KeyFilter filter) {
            this.text = text;
            this.words = words;
            this.filter = filter;
            this.infos = new WordInfo[words.size()];
            this.states = new byte[words.size()];
        }

        WordInfo word(int k) {
            WordInfo info = infos[k];
            if (info == null) {
                TextWindows.Word w = words.get(k);
                info = wordInfo(text.substring(w.start(), w.end()));
                infos[k] = info;
            }
            return info;
        }

        private byte state(int k) {
            byte state = states[k];
            if (state == 0) {
                NameNormaliser.Part part = word(k).contextFree;
                state = part == null ? (byte) 1 : anyKnown(part) ? (byte) 2 : (byte) 3;
                states[k] = state;
            }
            return state;
        }

        private boolean anyKnown(NameNormaliser.Part part) {
            for (String key : part.keys()) {
                if (filter.mayBePart(key)) {
                    return true;
                }
            }
            return false;
        }

        boolean ruledOut(int i, int j) {
            if (filter == KeyFilter.ALL) {
                return false;
            }
            if (i != first) {
                first = i;
                walked = i;
                killed = false;
                blocked = state(i) == 1;
            }
            while (!killed && !blocked && walked < j) {
                walked++;
                byte state = state(walked);
                killed = state == 3;
                blocked = state == 1;
            }
            if (killed) {
                return true;
            }
            if (state(i) != 3) {
                return false;
            }
            int tokens = 0;
            for (int k = i; k <= j && tokens <= 2; k++) {
                tokens += word(k).tokens.words().size();
            }
            return tokens <= 2;
        }
    }

    /** A word's tokens and context-free part; shared by every report, the cache dropped whole when too big. */
    private WordInfo wordInfo(String word) {
        WordInfo cached = wordCache.get(word);
        if (cached != null) {
            return cached;
        }
        NameNormaliser.Tokens tokens = NameNormaliser.standard().tokens(word);
        WordInfo info = new WordInfo(tokens, tokens.words().size() == 1
                ? NameNormaliser.standard().contextFreePart(tokens.words().get(0)) : null);
        if (wordCache.size() >= CACHE_LIMIT) {
            wordCache.clear();
        }
        wordCache.put(word, info);
        return info;
    }

    /**
     * "Le", "Al": too little of a name to stand for one — under two skeleton consonants. An Arabic word of four
     * letters or more is enough whatever its skeleton (ع and long vowels are not in it): Arabic runs are held to
     * the written name ({@link MentionEvidence#arabicSpellingAgrees}), not to the skeleton alone.
     */
    private static boolean tooLittle(Parsed parsed) {
        if (parsed.parts().stream().mapToInt(part -> part.skeleton().length()).sum() >= 2) {
            return false;
        }
        return !MentionEvidence.allArabic(parsed.parts())
                || parsed.parts().stream().mapToInt(part -> part.form().length()).sum() < 4;
    }

    /**
     * Whether the run may name {@code name} at all ({@link MentionEvidence}): no function word or short word alone;
     * a single Latin word opening a sentence (capitalised by its place: "Pendant", "However") only when spelled as
     * the name; Latin text shows the long vowels of the entity's Arabic spelling, unless spelled as the matched
     * name; Arabic text is compared with the
     * entity's Arabic-script names, written alike, never with its Latin ones through the skeleton (an entity known
     * only by a Latin name is still found in Arabic text).
     */
    private static boolean evidenced(Run run, Parsed name, List<Parsed> arabicNames) {
        Parsed parsed = run.parsed;
        if (MentionEvidence.allArabic(parsed.parts())) {
            return (arabicNames.isEmpty() || MentionEvidence.allArabic(name.parts()))
                    && MentionEvidence.standsAlone(parsed, name) && MentionEvidence.arabicSpellingAgrees(parsed, name);
        }
        return MentionEvidence.standsAlone(parsed, name)
                && (!run.sentenceStart || MentionEvidence.spelledAsTheName(parsed, name))
                && (MentionEvidence.longVowelsAgree(parsed, arabicNames)
                        || MentionEvidence.everyPartSpelledAsInTheName(parsed, name));
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

    /**
     * Keeps a span unless a longer kept span of the same field overlaps it; namesakes on spans of equal extent all
     * stay, but for one scoring {@link #NAMESAKE_MARGIN} or more below the best: the text names the best more
     * exactly (an Arabic spelling with the article as written over one without).
     */
    static List<Found> longestFirst(List<Found> found) {
        found.sort(Comparator.comparing(Found::field).thenComparing((Found f) -> f.start - f.end)
                .thenComparing(Found::start).thenComparing((Found f) -> -f.score));
        List<Found> kept = new ArrayList<>();
        for (Found f : found) {
            boolean shadowed = kept.stream().anyMatch(k -> k.field == f.field && k.start < f.end && f.start < k.end
                    && (!(k.start == f.start && k.end == f.end) || k.score >= f.score + NAMESAKE_MARGIN - 1e-9));
            if (!shadowed) {
                kept.add(f);
            }
        }
        kept.sort(Comparator.comparing(Found::field).thenComparing(Found::start).thenComparing(f -> -f.score));
        return kept;
    }
}
