package org.yaqaza.launcher;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;

/**
 * Word lists with a Zipf-like use, as in natural text, for the benches' generated reports (the intelligence and
 * console benches search the same kind of corpus): Arabic from Arabic letters, French and English from Latin
 * syllables, each with ten real words placed among the common ones.
 */
public final class BenchVocabulary {

    private static final String[] AR_SYLLABLES = { "ب", "ت", "ج", "د", "ر", "ز", "س", "ش", "ع", "ف", "ق", "ك",
        "ل", "م", "ن", "ه", "و", "ي", "ا", "ح", "خ", "ص", "ط" };
    private static final String[] LATIN_SYLLABLES = { "ba", "ri", "to", "me", "sa", "lu", "ko", "ne", "di", "ra",
        "fe", "mo", "ta", "li", "zu", "ge", "pa", "so", "vi", "ch", "an", "er", "ou", "in" };
    private static final String[] AR_REAL = { "المغرب", "الأجهزة", "الأمنية", "الخلية", "الإرهاب", "تفكيك",
        "الاستخبارات", "المشتبه", "الحدود", "تمويل" };
    private static final String[] FR_REAL = { "cellule", "réseau", "attentat", "démantèlement", "financement",
        "frontière", "suspect", "recrutement", "déplacement", "surveillance" };
    private static final String[] EN_REAL = { "cell", "network", "attack", "funding", "border", "suspect",
        "recruitment", "travel", "courier", "surveillance" };

    private BenchVocabulary() {
    }

    public static String[] arabic() {
        return words(AR_SYLLABLES, AR_REAL, 6000, 3);
    }

    public static String[] french() {
        return words(LATIN_SYLLABLES, FR_REAL, 6000, 2);
    }

    public static String[] english() {
        return words(LATIN_SYLLABLES, EN_REAL, 6000, 2);
    }

    /** A word rank in [0, n) with a Zipf-like distribution. */
    public static int zipf(Random random, int n) {
        double u = random.nextDouble();
        return (int) Math.min(n - 1, Math.floor(Math.pow(n + 1, u)) - 1);
    }

    private static String[] words(String[] syllables, String[] real, int size, int minSyllables) {
        Random r = new Random(size * 31L + syllables.length);
        String[] words = new String[size];
        Set<String> seen = new HashSet<>(Arrays.asList(real));
        for (int i = 0; i < size; i++) {
            if (i < real.length) {
                words[i] = real[i];
                continue;
            }
            String word;
            do {
                StringBuilder b = new StringBuilder();
                int n = minSyllables + r.nextInt(3);
                for (int s = 0; s < n; s++) {
                    b.append(syllables[r.nextInt(syllables.length)]);
                }
                word = b.toString();
            } while (!seen.add(word));
            words[i] = word;
        }
        // real words at ranks 100+: neither the commonest nor rare, so a query on one hits many reports
        for (int i = 0; i < real.length; i++) {
            String swap = words[100 + i * 7];
            words[100 + i * 7] = words[i];
            words[i] = swap;
        }
        return words;
    }
}
