package org.yaqaza.intelligence.extraction;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.yaqaza.common.text.ArabicOrthography;
import org.yaqaza.intelligence.screening.NameNormaliser.Parsed;
import org.yaqaza.intelligence.screening.NameNormaliser.Part;
import org.yaqaza.intelligence.screening.NameNormaliser.Script;

/**
 * What a run of words must show, beyond a shared name key and the screening score, before it is proposed as a
 * mention (docs/intelligence.md, "Mention extraction"). The name keys are consonant skeletons, made for Latin
 * spellings, which drop and vary vowels; prose is full of ordinary words with the skeleton of some name. So:
 * <ul>
 * <li>a function word of Arabic, French or English (the standard stop-word lists in
 * {@code resources/extraction/}) is never a mention on its own;</li>
 * <li>a single Latin word of three letters or fewer, or opening a sentence, is a mention only when spelled as
 * the name is;</li>
 * <li>Arabic text against an Arabic-script name compares the written words, orthographically normalised, not
 * the skeletons: Arabic writes its long vowels and its spelling of a name is settled;</li>
 * <li>Latin text against an entity with Arabic-script names shows their long vowels.</li>
 * </ul>
 */
public final class MentionEvidence {

    /** A single Latin word this short is too often an article or a preposition to stand for a name unaided. */
    static final int SHORT_LATIN_WORD = 3;
    /** Words at least this long (article off) may differ by one long-vowel letter and still be one spelling. */
    static final int LONG_VOWEL_TOLERANCE_FROM = 4;

    private static final Set<String> STOP_WORDS = load();

    private MentionEvidence() {
    }

    /** Whether a run of one part may be a mention of a name of one part (false: a function word, a short word). */
    public static boolean standsAlone(Parsed run, Parsed name) {
        if (run.parts().size() != 1) {
            return true;
        }
        Part part = run.parts().get(0);
        if (isStopWord(part.text())) {
            return false;
        }
        if (part.script() == Script.LATIN && part.form().length() <= SHORT_LATIN_WORD) {
            return spelledAsTheName(run, name);
        }
        return true;
    }

    /**
     * Whether a run of one Latin part is spelled as the name of one part (accents and case aside): the evidence a
     * single word needs where its capital proves nothing (it opens a sentence) or it is short. Runs of several
     * parts, or in Arabic script, are not concerned (true).
     */
    public static boolean spelledAsTheName(Parsed run, Parsed name) {
        if (run.parts().size() != 1 || run.parts().get(0).script() != Script.LATIN) {
            return true;
        }
        return name.parts().size() == 1 && name.parts().get(0).form().equals(run.parts().get(0).form());
    }

    /** Whether every part of the run is spelled as a part of the name (accents and case aside). */
    public static boolean everyPartSpelledAsInTheName(Parsed run, Parsed name) {
        return run.parts().stream().allMatch(p -> name.parts().stream().anyMatch(n -> n.form().equals(p.form())));
    }

    /** A word of one of the stop-word lists, as written (case, accents, Arabic orthography aside). */
    public static boolean isStopWord(String word) {
        String folded = fold(word);
        return STOP_WORDS.contains(folded) || STOP_WORDS.contains(stripAccents(folded));
    }

    /**
     * Arabic text against an Arabic-script name: each part of the run has its own part of the name written the
     * same way once normalised (hamza seats, alef forms, taa marbuta, alef maqsura, the article, diacritics), or
     * with one long vowel written more or less in a word long enough ({@code داود}/{@code داوود}). True when
     * either side is not all Arabic script: the skeleton then stands for the transliteration.
     */
    public static boolean arabicSpellingAgrees(Parsed run, Parsed name) {
        if (!allArabic(run.parts()) || !allArabic(name.parts())) {
            return true;
        }
        boolean[] used = new boolean[name.parts().size()];
        for (Part part : run.parts()) {
            String written = spelling(part.form());
            boolean found = false;
            for (int j = 0; j < used.length && !found; j++) {
                if (!used[j] && sameSpelling(written, spelling(name.parts().get(j).form()))) {
                    used[j] = true;
                    found = true;
                }
            }
            if (!found) {
                return false;
            }
        }
        return true;
    }

    /**
     * Latin text against an entity that has Arabic-script names: the long vowels the Arabic spelling writes (ا, و,
     * ي) are written by every Latin convention (a/e, o/u/ou/oo/w, i/ee/y), while short vowels vary or drop. So
     * each Latin part of the run that shares a skeleton key with a part of one of those names shows that part's
     * long vowels, in order, among its own vowels ("Mounir" writes منير, not منار). True when the entity has
     * no Arabic-script name or a Latin part shares no key with it (no Arabic spelling to hold the run to).
     */
    public static boolean longVowelsAgree(Parsed run, List<Parsed> arabicNames) {
        if (arabicNames.isEmpty()) {
            return true;
        }
        for (Parsed arabic : arabicNames) {
            if (longVowelsAgree(run, arabic)) {
                return true;
            }
        }
        return false;
    }

    private static boolean longVowelsAgree(Parsed run, Parsed arabic) {
        for (Part part : run.parts()) {
            if (part.script() != Script.LATIN) {
                continue;
            }
            boolean keyed = false;
            boolean agreed = false;
            for (Part written : arabic.parts()) {
                if (written.script() != Script.ARABIC || Collections.disjoint(part.keys(), written.keys())) {
                    continue;
                }
                keyed = true;
                if (fits(longVowels(written.form()), vowelLetters(part.form()))) {
                    agreed = true;
                    break;
                }
            }
            if (keyed && !agreed) {
                return false;
            }
        }
        return true;
    }

    /** Vowel classes: a (fatha-like, alef), i (yaa), u (waw); a final yaa may be an alef maqsura read a. */
    private static final int A = 1;
    private static final int I = 2;
    private static final int U = 4;

    /**
     * The long vowels an Arabic form writes, as class sets, in order: alef, and waw or yaa not next to another
     * long-vowel letter (there they are the consonants w and y: مروان, أيوب). The first letter (a hamza seat or
     * a consonant) and the article are not vowels of the name.
     */
    static List<Integer> longVowels(String form) {
        String s = form.startsWith("\u0627\u0644") && form.length() >= 4 ? form.substring(2) : form;
        List<Integer> vowels = new ArrayList<>();
        for (int i = 1; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean besideVowel = isLongVowelLetter(s.charAt(i - 1))
                    || i + 1 < s.length() && isLongVowelLetter(s.charAt(i + 1));
            if (c == '\u0627') {
                vowels.add(A);
            } else if (c == '\u0648' && !besideVowel) {
                vowels.add(U);
            } else if (c == '\u064A' && !besideVowel) {
                vowels.add(i == s.length() - 1 ? I | A : I);
            }
        }
        return vowels;
    }

    private static boolean isLongVowelLetter(char c) {
        return c == '\u0627' || c == '\u0648' || c == '\u064A';
    }

    /**
     * The vowel letters of a Latin form, each as the classes it may write. Letter by letter, not by runs of vowels:
     * a silent ع or hamza between two long vowels leaves them side by side in Latin ("oui" for و-ع-ي).
     */
    static List<Integer> vowelLetters(String form) {
        List<Integer> letters = new ArrayList<>();
        for (int i = 0; i < form.length(); i++) {
            char c = form.charAt(i);
            boolean doubleE = c == 'e' && (i + 1 < form.length() && form.charAt(i + 1) == 'e'
                    || i > 0 && form.charAt(i - 1) == 'e');
            int k = switch (c) {
                case 'a' -> A;
                case 'e' -> doubleE ? A | I : A;
                case 'i', 'y' -> I;
                case 'o', 'u', 'w' -> U;
                default -> 0;
            };
            if (k != 0) {
                letters.add(k);
            }
        }
        return letters;
    }

    /** Whether each long vowel finds a later vowel letter of its class (greedy: the earliest that fits). */
    private static boolean fits(List<Integer> longVowels, List<Integer> letters) {
        int at = 0;
        for (int vowel : longVowels) {
            while (at < letters.size() && (letters.get(at) & vowel) == 0) {
                at++;
            }
            if (at == letters.size()) {
                return false;
            }
            at++;
        }
        return true;
    }

    /** Whether the parts are all in Arabic script. */
    public static boolean allArabic(List<Part> parts) {
        return !parts.isEmpty() && parts.stream().allMatch(p -> p.script() == Script.ARABIC);
    }

    private static boolean sameSpelling(String a, String b) {
        if (a.equals(b)) {
            return true;
        }
        String shorter = a.length() <= b.length() ? a : b;
        String longer = shorter == a ? b : a;
        if (shorter.length() < LONG_VOWEL_TOLERANCE_FROM || longer.length() != shorter.length() + 1) {
            return false;
        }
        for (int i = 0; i < longer.length(); i++) {
            char c = longer.charAt(i);
            if ((c == '\u0627' || c == '\u0648' || c == '\u064A')
                    && (longer.substring(0, i) + longer.substring(i + 1)).equals(shorter)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The normaliser's form of an Arabic part, with the hamza seats folded (waw and yaa with hamza as their bare
     * letters) and the article off: in running text a name is written with or without it.
     */
    private static String spelling(String form) {
        String s = form.replace('\u0624', '\u0648').replace('\u0626', '\u064A');
        return s.startsWith("\u0627\u0644") && s.length() >= 4 ? s.substring(2) : s;
    }

    private static String fold(String word) {
        return ArabicOrthography.normalise(word.toLowerCase(Locale.ROOT).replace('\u2019', '\''));
    }

    private static String stripAccents(String word) {
        return Normalizer.normalize(word, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
    }

    /** The lists: Snowball's French and English (text after {@code |} is a comment) and Savoy's Arabic. */
    private static Set<String> load() {
        Set<String> words = new HashSet<>();
        for (String language : List.of("ar", "en", "fr")) {
            String resource = "/extraction/stopwords-" + language + ".txt";
            try (InputStream in = MentionEvidence.class.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("missing " + resource);
                }
                for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                    String word = line.replaceAll("[|#].*", "").strip();
                    if (!word.isEmpty()) {
                        String folded = fold(word);
                        words.add(folded);
                        words.add(stripAccents(folded));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return Set.copyOf(words);
    }
}
