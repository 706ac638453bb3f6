package org.yaqaza.intelligence.screening;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The curated variant table ({@code screening/name-variants.txt}): spellings of one frequent name in both
 * scripts (Mohamed/Muhammad/محمد…), and several-word names written as one part (Fatima Zahra/Fatimazahra).
 * Kept as data so that analysts' corrections need no code change.
 */
public final class NameVariants {

    private static final String RESOURCE = "/screening/name-variants.txt";
    private static final int MAX_PHRASE = 4;

    private final Map<String, String> groups = new HashMap<>();
    private final Map<String, String> phrases = new HashMap<>();
    /** The first words of the phrases: most words start none, and need no phrase built to know it. */
    private final Set<String> phraseStarts = new HashSet<>();
    /** Every word of the phrases, wherever it stands in one (a word in none is never part of a phrase). */
    private final Set<String> phraseWords = new HashSet<>();

    private static final NameVariants STANDARD = load();

    public static NameVariants standard() {
        return STANDARD;
    }

    private static NameVariants load() {
        try (InputStream in = NameVariants.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " missing from the class path");
            }
            NameVariants v = new NameVariants();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    v.addGroup(List.of(line.split("\\|")));
                }
            }
            return v;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Members as written in the table; the first one names the group. First assignment of a spelling wins. */
    void addGroup(List<String> members) {
        String group = null;
        for (String member : members) {
            List<NameNormaliser.Word> words = NameNormaliser.words(member.strip(), new int[1]);
            if (words.isEmpty()) {
                continue;
            }
            StringBuilder joined = new StringBuilder();
            StringBuilder phrase = new StringBuilder();
            for (NameNormaliser.Word w : words) {
                joined.append(w.form());
                phrase.append(phrase.length() == 0 ? "" : " ").append(w.form());
            }
            if (group == null) {
                group = joined.toString();
            }
            groups.putIfAbsent(joined.toString(), group);
            if (words.size() > 1 && words.size() <= MAX_PHRASE) {
                phrases.putIfAbsent(phrase.toString(), group);
                phraseStarts.add(words.get(0).form());
                words.forEach(w -> phraseWords.add(w.form()));
            }
        }
    }

    /** The group of a one-part spelling, or null. */
    public String group(String form) {
        return groups.get(form);
    }

    /** Length of the longest several-word member starting at {@code from}, or 0. */
    int longestPhrase(List<NameNormaliser.Word> words, int from) {
        if (!phraseStarts.contains(words.get(from).form())) {
            return 0;
        }
        for (int len = Math.min(MAX_PHRASE, words.size() - from); len >= 2; len--) {
            if (phrases.containsKey(phrase(words, from, from + len))) {
                return len;
            }
        }
        return 0;
    }

    /** Whether the spelling is a word of some several-word member, at any place in it. */
    boolean inSomePhrase(String form) {
        return phraseWords.contains(form);
    }

    String groupOfPhrase(List<NameNormaliser.Word> words, int from, int to) {
        return phrases.get(phrase(words, from, to));
    }

    private static String phrase(List<NameNormaliser.Word> words, int from, int to) {
        StringBuilder b = new StringBuilder();
        for (int i = from; i < to; i++) {
            b.append(i > from ? " " : "").append(words.get(i).form());
        }
        return b.toString();
    }
}
