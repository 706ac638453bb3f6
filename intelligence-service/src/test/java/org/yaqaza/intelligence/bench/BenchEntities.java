package org.yaqaza.intelligence.bench;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Known entities for the intelligence bench, so that mention extraction scores real candidates while the bench
 * ingests: persons (given + family name), organisations and places, each with an Arabic-script name and one
 * French-style Latin spelling of it. Names are random three-consonant roots poured into a few Arabic word
 * patterns with their long vowels written (as real names are), by this class's own small table: independent of
 * the held-out linking corpus ({@code LinkingCorpus}), whose generator and names are not used.
 */
public final class BenchEntities {

    /** A known entity: kind, Arabic-script name, Latin spelling. */
    public record Known(String kind, String arabic, String latin) {
    }

    // Arabic consonant and its French-style Latin spelling; ع is left out (dropped in Latin, no use here)
    private static final String[][] CONSONANTS = { { "ب", "b" }, { "ت", "t" }, { "ج", "dj" }, { "د", "d" },
        { "ر", "r" }, { "ز", "z" }, { "س", "s" }, { "ش", "ch" }, { "ف", "f" }, { "ق", "k" }, { "ك", "k" },
        { "ل", "l" }, { "م", "m" }, { "ن", "n" }, { "ح", "h" }, { "خ", "kh" } };
    // patterns: c = a root consonant; Arabic long vowels (ا و ي) and their Latin vowels, short vowels Latin only
    private static final String[][] PATTERNS = { { "cاcيc", "cacic" }, { "ccاc", "cecac" }, { "cاcوc", "cacouc" },
        { "ccيc", "cecic" }, { "ccوc", "cecouc" } };

    private BenchEntities() {
    }

    /** {@code persons} persons, {@code organisations} organisations and {@code places} places, all names distinct. */
    public static List<Known> generate(int persons, int organisations, int places, long seed) {
        Random random = new Random(seed);
        Set<String> used = new HashSet<>();
        List<Known> known = new ArrayList<>();
        for (int i = 0; i < persons + organisations + places; i++) {
            String kind = i < persons ? "PERSON" : i < persons + organisations ? "ORGANISATION" : "LOCATION";
            int words = kind.equals("PERSON") ? 2 : kind.equals("ORGANISATION") ? 2 : 1;
            String[] name;
            do {
                StringBuilder arabic = new StringBuilder();
                StringBuilder latin = new StringBuilder();
                for (int w = 0; w < words; w++) {
                    String[] word = word(random);
                    arabic.append(w > 0 ? " " : "").append(word[0]);
                    latin.append(w > 0 ? " " : "").append(word[1]);
                }
                name = new String[] { arabic.toString(), latin.toString() };
            } while (!used.add(name[0]));
            known.add(new Known(kind, name[0], name[1]));
        }
        return known;
    }

    /** One word: Arabic and capitalised Latin. */
    private static String[] word(Random random) {
        String[] pattern = PATTERNS[random.nextInt(PATTERNS.length)];
        String[][] root = new String[3][];
        for (int k = 0; k < 3; k++) {
            root[k] = CONSONANTS[random.nextInt(CONSONANTS.length)];
        }
        return new String[] { pour(pattern[0], root, 0), capitalised(pour(pattern[1], root, 1)) };
    }

    private static String pour(String pattern, String[][] root, int script) {
        StringBuilder b = new StringBuilder();
        int k = 0;
        for (char c : pattern.toCharArray()) {
            if (c == 'c') {
                b.append(root[k++][script]);
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    private static String capitalised(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
