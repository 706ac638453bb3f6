package org.yaqaza.intelligence.screening;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.yaqaza.common.text.ArabicOrthography;

/**
 * Turns a person or organisation name in Arabic or Latin script into comparable name parts.
 * <p>
 * Each part keeps its normalised spelling ({@code form}, for exact matches), its variant group from the curated
 * table, and one or more <em>skeleton keys</em>: a script-neutral consonant skeleton built by rules written for
 * Maghrebi/French and English/scholarly conventions ({@code محمد}, {@code Mohamed}, {@code Muhammad} and
 * {@code Mhammed} all become {@code mhmd}). Vowels, {@code ع}, hamza, {@code و}/{@code ي} (long vowels and
 * semivowels, written {@code ou}/{@code w}/{@code u}, {@code y}/{@code i}) are dropped because the two scripts
 * write them differently; a final {@code ي}/{@code -i} (the nisba ending) is kept as {@code i}. Particles
 * ({@code ben}, {@code bin}, {@code ibn}, {@code ould}, {@code ait}, articles {@code el}/{@code al} and their
 * assimilated forms {@code ech-}, {@code es-}, {@code ad-}…) are not name parts; {@code X ben Y} is remembered
 * as an ordered patronymic link. {@code عبد ال…}/{@code Abd el …}/{@code Abou …} compounds become one part
 * whether written joined or apart. Pure Java, no dictionary beyond {@link NameVariants}: see docs/screening.md.
 */
public final class NameNormaliser {

    public enum Script { ARABIC, LATIN }

    /**
     * A name part: as written, normalised, its script, variant group (or null), skeleton and index keys; and its
     * <em>weak</em> keys: readings of a minority convention that in the main ones spell another name (a Spanish
     * {@code j} before a vowel is خ or ح, elsewhere ج). A weak key is only looked up at query time and a match
     * through it scores too low to hit on its own: it ranks the person, it never decides.
     */
    public record Part(String text, String form, Script script, String group, String skeleton, List<String> keys,
            List<String> weak) {

        public Part(String text, String form, Script script, String group, String skeleton, List<String> keys) {
            this(text, form, script, group, skeleton, keys, List.of());
        }

        /** The one key pairs of parts are indexed under: the variant group's skeleton, else this spelling's. */
        public String pairKey() {
            return keys.get(0);
        }
    }

    /** A parsed name: its parts, ordered patronymic links (child index, father index), letters not supported. */
    public record Parsed(List<Part> parts, List<int[]> patronymics, int otherScriptLetters) {
        public boolean isEmpty() {
            return parts.isEmpty();
        }
    }

    /** One word as tokenised: normalised spelling, the spelling skeletons are built from, script, original. */
    public record Word(String form, String letters, Script script, String text) {
    }

    // Amazigh "u"/"ou" (son of) and Tuareg "ag" link like ben; "ult"/"oult" like bent
    private static final Set<String> PATRONYMIC = Set.of("ben", "bin", "ibn", "ibnou", "ibnu", "bent", "bint",
            "ould", "ouled", "wuld", "wald", "ou", "u", "ag", "ult", "oult", "بن", "ابن", "بنت", "ولد");
    private static final Set<String> PARTICLES = Set.of("el", "al", "ul", "ech", "ach", "ash", "esh", "es", "as",
            "et", "at", "ed", "ad", "en", "an", "er", "ar", "ez", "az", "ait", "aït", "ayt", "ال", "ايت", "اية", "d");
    private static final Set<String> ARTICLES = Set.of("el", "al", "ul", "il", "ech", "ach", "ash", "esh", "es",
            "as", "et", "at", "ed", "ad", "en", "an", "er", "ar", "ez", "az");
    private static final Set<String> LATIN_ABD = Set.of("abd", "abdel", "abdal", "abdul", "abdoul", "abdil");
    /** Written apart from the name they belong to: Abou Bakr-style kunya, Bou/Bel family names (Bel Kacem). */
    private static final Set<String> LATIN_ABU = Set.of("abou", "abu", "abo", "bou", "bu", "bel", "bil");

    private final NameVariants variants;
    /**
     * Parts already made, by their words (one {@link Word}, or the list of a compound or phrase): a part is a pure
     * function of its words, and mention extraction parses every run of up to six words of each report, so each
     * word's part is made once, not once per run. Dropped whole when it grows past {@link #PART_CACHE_LIMIT}.
     */
    private final Map<Object, Part> partCache = new ConcurrentHashMap<>();
    private static final int PART_CACHE_LIMIT = 100_000;

    public NameNormaliser(NameVariants variants) {
        this.variants = variants;
    }

    /** Lazily built: the variant table itself is normalised with {@link #words}. */
    private static final class Standard {
        static final NameNormaliser INSTANCE = new NameNormaliser(NameVariants.standard());
    }

    /** The normaliser with the curated variant table shipped in the service. */
    public static NameNormaliser standard() {
        return Standard.INSTANCE;
    }

    public Parsed parse(String raw) {
        int[] other = new int[1];
        List<Word> words = words(raw, other);
        return parse(words, other[0]);
    }

    /**
     * The words of a text as {@link #parse(String)} reads them, for a caller that parses many runs of the same text
     * (mention extraction): {@code parse(tokens(a + " " + b))} is {@code parse(a + " " + b)}, and the tokens of
     * words separated by blanks are those of each word in turn, so each word is tokenised once.
     */
    public Tokens tokens(String raw) {
        int[] other = new int[1];
        List<Word> words = words(raw, other);
        return new Tokens(List.copyOf(words), other[0]);
    }

    /** Words as tokenised and the count of letters of no supported script. */
    public record Tokens(List<Word> words, int otherScriptLetters) {
    }

    /** Parses words tokenised by {@link #tokens}: the same rules and the same result as {@link #parse(String)}. */
    public Parsed parse(List<Word> words, int otherScriptLetters) {
        List<Part> parts = new ArrayList<>();
        List<int[]> links = new ArrayList<>();
        boolean patronymic = false;
        int i = 0;
        while (i < words.size()) {
            int phrase = variants.longestPhrase(words, i);
            Part part = null;
            if (phrase > 0) {
                part = joined(words, i, i + phrase);
                i += phrase;
            } else {
                Word w = words.get(i);
                if (PATRONYMIC.contains(w.form)) {
                    patronymic = !parts.isEmpty();
                    i++;
                    continue;
                }
                if (PARTICLES.contains(w.form) || (w.script == Script.LATIN && w.form.length() == 1)) {
                    i++;
                    continue;
                }
                int end = compoundEnd(words, i);
                part = joined(words, i, end);
                i = end;
            }
            if (patronymic) {
                links.add(new int[] { parts.size() - 1, parts.size() });
                patronymic = false;
                // "بن علي" may be the family name Benali: also reachable joined
                List<String> keys = new ArrayList<>(part.keys());
                if (!part.skeleton().isEmpty() && !part.skeleton().startsWith("bn")) {
                    keys.add("bn" + part.skeleton());
                }
                part = new Part(part.text(), part.form(), part.script(), part.group(), part.skeleton(),
                        List.copyOf(keys), part.weak());
            }
            parts.add(part);
        }
        fuseCompoundGivenName(parts, links);
        return new Parsed(List.copyOf(parts), List.copyOf(links), otherScriptLetters);
    }

    /**
     * A compound first name is written apart, hyphenated or fused ({@code X-Y}, {@code X Y}, {@code XY}): when a
     * name starts with two parts of one script that are not linked as child and father and a third part follows,
     * the first part also carries the skeleton of the two written as one word, so a fused spelling finds it.
     */
    private static void fuseCompoundGivenName(List<Part> parts, List<int[]> links) {
        if (parts.size() < 3 || links.stream().anyMatch(l -> l[0] == 0 && l[1] == 1)) {
            return;
        }
        Part first = parts.get(0);
        Part second = parts.get(1);
        if (first.script() != second.script() || first.skeleton().isEmpty() || second.skeleton().isEmpty()
                || first.form().length() < 3 || second.form().length() < 3) {
            return;
        }
        String fused = fusedSkeleton(first.script(), first.form() + second.form());
        if (fused.length() < 3 || first.keys().contains(fused)) {
            return;
        }
        List<String> keys = new ArrayList<>(first.keys());
        keys.add(fused);
        parts.set(0, new Part(first.text(), first.form(), first.script(), first.group(), first.skeleton(),
                List.copyOf(keys), first.weak()));
    }

    /** Skeletons of two first words written as one, by script and spelling (runs of a text repeat the pairs). */
    private static final Map<String, String> FUSED = new ConcurrentHashMap<>();

    private static String fusedSkeleton(Script script, String form) {
        String key = script.ordinal() + form;
        String cached = FUSED.get(key);
        if (cached != null) {
            return cached;
        }
        String fused = script == Script.LATIN ? latinSkeleton(form) : arabicSkeleton(form);
        if (FUSED.size() >= PART_CACHE_LIMIT) {
            FUSED.clear();
        }
        FUSED.put(key, fused);
        return fused;
    }

    /**
     * The part one word makes in any run it stands in after the run's first word, whatever its neighbours (keys
     * after a patronymic aside): null when neighbours may change it — a particle, a patronymic, an article, the
     * start of a compound, a word of a variant phrase. It is then the part {@link #parse(List, int)} makes of it, and
     * the first part too but for the fused compound first name; mention extraction rules runs out by it without
     * parsing them (speed only: the rules are parse's).
     */
    public Part contextFreePart(Word w) {
        if (PATRONYMIC.contains(w.form) || PARTICLES.contains(w.form) || ARTICLES.contains(w.form)
                || (w.script == Script.LATIN && w.form.length() == 1) || startsCompound(w)
                || variants.inSomePhrase(w.form)) {
            return null;
        }
        return joined(List.of(w), 0, 1);
    }

    private static boolean startsCompound(Word w) {
        return w.script == Script.LATIN ? LATIN_ABD.contains(w.form) || LATIN_ABU.contains(w.form)
                : w.form.equals("عبد") || w.form.equals("ابو");
    }

    /** Where a compound that starts at {@code i} ends (exclusive): {@code Abd el Kader}, {@code عبد القادر}. */
    private static int compoundEnd(List<Word> words, int i) {
        Word w = words.get(i);
        if (!startsCompound(w)) {
            return i + 1;
        }
        int j = i + 1;
        while (j < words.size() && w.script == Script.LATIN && ARTICLES.contains(words.get(j).form)) {
            j++;
        }
        if (j >= words.size() || PATRONYMIC.contains(words.get(j).form) || words.get(j).script != w.script) {
            return i + 1;
        }
        return j + 1;
    }

    private Part joined(List<Word> words, int from, int to) {
        Object key = to - from == 1 ? words.get(from) : List.copyOf(words.subList(from, to));
        Part cached = partCache.get(key);
        if (cached != null) {
            return cached;
        }
        Part part = made(words, from, to);
        if (partCache.size() >= PART_CACHE_LIMIT) {
            partCache.clear();
        }
        partCache.put(key, part);
        return part;
    }

    private Part made(List<Word> words, int from, int to) {
        StringBuilder text = new StringBuilder();
        StringBuilder form = new StringBuilder();
        StringBuilder letters = new StringBuilder();
        for (int k = from; k < to; k++) {
            Word w = words.get(k);
            text.append(k > from ? " " : "").append(w.text);
            form.append(w.form);
            letters.append(w.letters);
        }
        Script script = words.get(from).script;
        String f = form.toString();
        String group = to - from > 1 ? variants.groupOfPhrase(words, from, to) : variants.group(f);
        if (group == null) {
            group = variants.group(f);
        }
        String l = letters.toString();
        Set<String> keys = new LinkedHashSet<>();
        String skeleton = script == Script.ARABIC ? arabicSkeleton(l) : latinSkeleton(l);
        if (group != null) {
            addKey(keys, latinSkeleton(group)); // groups are named by a Latin spelling
        }
        addKey(keys, skeleton);
        if (script == Script.LATIN) {
            if ((l.startsWith("el") || l.startsWith("al")) && l.length() >= 6) {
                addKey(keys, latinSkeleton(l.substring(2)));
            }
            if ((l.startsWith("ben") || l.startsWith("bin")) && l.length() >= 6
                    && latinSkeleton(l.substring(3)).length() >= 3) {
                addKey(keys, latinSkeleton(l.substring(3)));
            }
            if ((l.startsWith("bel") || l.startsWith("bil")) && l.length() >= 6
                    && latinSkeleton(l.substring(3)).length() >= 2) {
                // Bel-/Bil- is ben + the assimilated article: the family name is also written Ben X, Ben-X, BenX
                addKey(keys, "bn" + latinSkeleton(l.substring(3)));
            }
            if (l.length() > 3 && (l.endsWith("h") && isVowel(l.charAt(l.length() - 2)) || l.endsWith("at"))) {
                addKey(keys, latinSkeleton(l.substring(0, l.length() - 1))); // Fatimah, Hayat (taa marbuta)
            }
            if (l.length() > 4 && l.endsWith("ate")) {
                addKey(keys, latinSkeleton(l.substring(0, l.length() - 2))); // Hayate, Hanane-style French -e
            }
            latinReadings(l, keys);
            if (l.length() >= 4 && l.endsWith("ay")) {
                addKey(keys, latinSkeleton(l) + "i"); // a final -ay is ـاي / ـي in Arabic script
            }
        } else {
            if (l.startsWith("بن") && l.length() >= 5 && arabicSkeleton(l.substring(2)).length() >= 3) {
                addKey(keys, arabicSkeleton(l.substring(2)));
            }
            if (l.startsWith("بل") && l.length() >= 5 && arabicSkeleton(l.substring(2)).length() >= 2) {
                addKey(keys, "bn" + arabicSkeleton(l.substring(2))); // بل = بن + the article, as in Latin
            }
            if (l.endsWith("ه") && l.length() >= 4) {
                String withoutHaa = arabicSkeleton(l.substring(0, l.length() - 1));
                addKey(keys, withoutHaa);
                if (l.endsWith("يه") && withoutHaa.endsWith("i")) {
                    addKey(keys, withoutHaa.substring(0, withoutHaa.length() - 1)); // ـيه for ـية: a vowel, no nisba
                }
            }
            // a final yaa and alif maqsura are often written one for the other (موسي, نادى): the other reading too —
            // only where it is plausible, so that a name with an alif and a nisba (راضي) keeps it
            String stem = l.startsWith("ال") ? l.substring(2) : l;
            if (l.endsWith("ي") && stem.length() >= 3 && stem.indexOf('ا') < 0) {
                addKey(keys, arabicSkeleton(l.substring(0, l.length() - 1)));
            }
            if (l.endsWith("ى") && stem.length() >= 4) {
                addKey(keys, arabicSkeleton(l.substring(0, l.length() - 1) + "ي"));
            }
            if (l.indexOf('ظ') >= 0 || l.indexOf('ذ') >= 0) {
                // ظ and ذ are said, and so written, z in the Maghreb and Egypt (Nazim)
                addKey(keys, arabicSkeleton(l.replace('ظ', 'ز').replace('ذ', 'ز')));
            }
        }
        if (keys.isEmpty()) {
            keys.add("~" + f);
        }
        List<String> weak = List.of();
        if (script == Script.LATIN) {
            Set<String> w = new LinkedHashSet<>();
            weakReadings(l, w);
            if ((l.startsWith("el") || l.startsWith("al")) && l.length() >= 6) {
                weakReadings(l.substring(2), w);
            }
            w.removeAll(keys);
            weak = w.stream().limit(MAX_WEAK).toList();
        }
        return new Part(text.toString(), f, script, group, skeleton, List.copyOf(keys), weak);
    }

    /**
     * Other conventions' readings of a Latin spelling, as alternate keys: Spanish (j for خ, y for ج, x for ش),
     * Kabyle and older Spanish x for خ, the French colonial rh for غ, the Maghrebi colloquial article written as a
     * bare l- (l + consonant), and Ait/Ayt joined to the family name.
     */
    private static void latinReadings(String word, Set<String> keys) {
        Set<String> bases = new LinkedHashSet<>();
        bases.add(word);
        if ((word.startsWith("el") || word.startsWith("al")) && word.length() >= 6) {
            bases.add(word.substring(2));
        }
        if (word.length() >= 5 && word.charAt(0) == 'l' && !isVowel(word.charAt(1)) && word.charAt(1) != 'l') {
            bases.add(word.substring(1));
        }
        if ((word.startsWith("ait") || word.startsWith("ayt")) && word.length() >= 6) {
            bases.add(word.substring(3));
        }
        for (String base : bases) {
            addKey(keys, latinSkeleton(base));
            otherConventions(base, keys);
        }
    }

    private static void otherConventions(String l, Set<String> keys) {
        if (l.indexOf('j') >= 0 || l.indexOf('x') >= 0 || l.indexOf('y') >= 0) {
            StringBuilder spanish = new StringBuilder(l.length() + 4);
            for (int i = 0; i < l.length(); i++) {
                char c = l.charAt(i);
                char next = i + 1 < l.length() ? l.charAt(i + 1) : 0;
                boolean afterD = i > 0 && l.charAt(i - 1) == 'd';
                if (c == 'j' && !afterD && next != 0 && !isVowel(next)) {
                    // only before a consonant (Mujtar): elsewhere a Latin j is ج in every other convention
                    spanish.append("kh");
                } else if (c == 'y' && next != 0 && isVowel(next) && next != 'y') {
                    spanish.append('j');
                } else if (c == 'x') {
                    spanish.append("sh");
                } else {
                    spanish.append(c);
                }
            }
            addKey(keys, latinSkeleton(spanish.toString()));
        }
        if (l.indexOf('x') >= 0) {
            addKey(keys, latinSkeleton(l.replace("x", "kh")));
        }
        if (l.contains("rh")) {
            addKey(keys, latinSkeleton(l.replace("rh", "gh")));
        }
    }

    /** Weak readings kept per part (each is one more capped probe at query time). */
    static final int MAX_WEAK = 5;

    /**
     * Readings of a Latin spelling that one convention makes and the others read as another name, so they are
     * weak keys (see {@link Part}): Spanish {@code j} before a vowel for خ and for ح; Spanish {@code z} for ذ ض ظ
     * ({@code d}) and for ث ({@code t}); {@code c} before e/i for ك/ق (Spanish and Italian habit; French reads s);
     * a final consonant + {@code e} read as the vowel i (Spanish and Italian), i.e. the nisba. Spanish {@code x}
     * ({@code sh}) applies in each, as it does in the strong Spanish reading.
     */
    private static void weakReadings(String l, Set<String> weak) {
        boolean softJ = false;
        for (int i = 0; i < l.length(); i++) {
            if (l.charAt(i) == 'j' && (i == 0 || l.charAt(i - 1) != 'd') && i + 1 < l.length()
                    && isVowel(l.charAt(i + 1))) {
                softJ = true;
            }
        }
        String x = l.replace("x", "sh");
        if (softJ) {
            addKey(weak, latinSkeleton(softJ(x, "kh")));
            addKey(weak, latinSkeleton(softJ(x, "h")));
        }
        if (l.indexOf('z') >= 0) {
            addKey(weak, latinSkeleton(x.replace("z", "d")));
            addKey(weak, latinSkeleton(x.replace("z", "t")));
        }
        if (l.matches(".*c[eiy].*")) {
            addKey(weak, latinSkeleton(x.replaceAll("c([eiy])", "k$1")));
        }
        if (l.length() >= 4 && l.endsWith("e") && !isVowel(l.charAt(l.length() - 2))) {
            String s = latinSkeleton(l);
            if (!s.isEmpty() && !s.endsWith("i")) {
                addKey(weak, s + "i");
            }
        }
    }

    /** A Spanish j before a vowel (not the French dj) written as {@code as}. */
    private static String softJ(String l, String as) {
        StringBuilder b = new StringBuilder(l.length() + 2);
        for (int i = 0; i < l.length(); i++) {
            char c = l.charAt(i);
            if (c == 'j' && (i == 0 || l.charAt(i - 1) != 'd') && i + 1 < l.length() && isVowel(l.charAt(i + 1))) {
                b.append(as);
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    private static void addKey(Set<String> keys, String skeleton) {
        if (!skeleton.isEmpty()) {
            keys.add(skeleton);
        }
    }

    // ---------------------------------------------------------------- tokenising

    /**
     * Splits into words of one script each, removing accents, apostrophes and hyphens; Arabic words get the
     * orthographic rules shared with search ({@link ArabicOrthography}: diacritics and tatweel dropped, alef forms
     * bare, alef maqsura as yaa and a final haa as taa marbuta in the word's form).
     */
    static List<Word> words(String raw, int[] otherLetters) {
        String s = Normalizer.normalize(raw, Normalizer.Form.NFD);
        List<Word> words = new ArrayList<>();
        StringBuilder form = new StringBuilder();
        StringBuilder letters = new StringBuilder();
        StringBuilder text = new StringBuilder();
        Script current = null;
        for (int i = 0; i < s.length(); ) {
            int c = s.codePointAt(i);
            i += Character.charCount(c);
            int type = Character.getType(c);
            if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK
                    || type == Character.COMBINING_SPACING_MARK || ArabicOrthography.isDiacritic(c) || c == 0x200C
                    || c == 0x200D) {
                continue;
            }
            if (c == '\'' || c == 0x2019 || c == 0x2018 || c == 0x02BF || c == 0x02BE || c == 0x02BC || c == '`'
                    || c == 0x00B4) {
                continue;
            }
            Script script = null;
            String mapped = null;
            String chat = current == Script.LATIN || i < s.length() && isLatinLetter(s.codePointAt(i))
                    ? chatDigit(c) : null;
            if (chat != null) {
                // Maghrebi chat spelling inside a Latin word: 3 for ع, 7 for ح, 9 for ق, 5 for خ, 2 for hamza
                script = Script.LATIN;
                mapped = chat;
            } else if (i < s.length() && s.codePointAt(i) == 0x030C && (c == 'c' || c == 's' || c == 'g'
                    || c == 'C' || c == 'S' || c == 'G')) {
                // Tamazight/Berber Latin č, š, ǧ (the caron follows the letter after NFD)
                script = Script.LATIN;
                mapped = c == 'g' || c == 'G' ? "j" : Character.toLowerCase((char) c) + "h";
            } else if (Character.isLetter(c)) {
                Character.UnicodeScript us = Character.UnicodeScript.of(c);
                if (us == Character.UnicodeScript.ARABIC) {
                    script = Script.ARABIC;
                    mapped = arabicLetter(c);
                } else if (us == Character.UnicodeScript.LATIN) {
                    script = Script.LATIN;
                    mapped = latinLetter(c);
                } else {
                    otherLetters[0]++;
                }
            }
            // a capital inside a Latin word starts a fused name part (a compound first name written as one word)
            boolean camel = script == Script.LATIN && script == current && Character.isUpperCase(c)
                    && text.length() > 1 && Character.isLowerCase(text.codePointBefore(text.length()));
            if (script == null || script != current || camel) {
                flush(words, form, letters, text, current);
                current = script;
            }
            if (script != null) {
                text.appendCodePoint(c);
                if (!mapped.isEmpty()) {
                    letters.append(mapped);
                    // the skeleton keeps alef maqsura apart from a final yaa (nisba): only the form folds it
                    for (int k = 0; k < mapped.length(); k++) {
                        form.append(ArabicOrthography.yaaForAlefMaqsura(mapped.charAt(k)));
                    }
                }
            }
        }
        flush(words, form, letters, text, current);
        return words;
    }

    private static void flush(List<Word> words, StringBuilder form, StringBuilder letters, StringBuilder text,
            Script script) {
        if (form.length() > 0 && script != null) {
            String f = form.toString();
            if (script == Script.ARABIC) {
                f = ArabicOrthography.finalTaaMarbuta(f);
            }
            words.add(new Word(f, letters.toString(), script, text.toString()));
        }
        form.setLength(0);
        letters.setLength(0);
        text.setLength(0);
    }

    private static boolean isLatinLetter(int c) {
        return Character.isLetter(c) && Character.UnicodeScript.of(c) == Character.UnicodeScript.LATIN;
    }

    private static String chatDigit(int c) {
        return switch (c) {
            case '2', '3' -> "";
            case '5' -> "kh";
            case '7' -> "h";
            case '9' -> "q";
            default -> null;
        };
    }

    private static String arabicLetter(int c) {
        if (c <= Character.MAX_VALUE && ArabicOrthography.bareAlef((char) c) != c) {
            return String.valueOf(ArabicOrthography.bareAlef((char) c));
        }
        return switch (c) {
            case 0x0621 -> ""; // hamza on the line: not written in Latin
            case 0x06CC, 0x06D2 -> "ي";
            case 0x06A9, 0x06AF -> "ك";
            case 0x067E -> "ب";
            case 0x0686 -> "ش";
            case 0x0698 -> "ج";
            case 0x06A4 -> "ف";
            case 0x06A8 -> "ق";
            case 0x06C1, 0x06BE -> "ه";
            default -> new String(Character.toChars(c));
        };
    }

    private static String latinLetter(int c) {
        int lower = Character.toLowerCase(c);
        return switch (lower) {
            case 'ø' -> "o";
            case 'æ' -> "ae";
            case 'œ' -> "oe";
            case 'ß' -> "ss";
            case 'đ', 'ð' -> "d";
            case 'ł' -> "l";
            case 'ı' -> "i";
            case 'ħ' -> "h";
            case 'þ' -> "th";
            case 'ɣ' -> "gh"; // Tamazight gamma (غ)
            case 'ɛ', 'ʕ' -> ""; // Tamazight epsilon and the IPA letter for ع
            default -> lower < 0x80 ? String.valueOf((char) lower) : "";
        };
    }

    // ---------------------------------------------------------------- skeletons

    private static boolean isVowel(char c) {
        return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y' || c == 'w';
    }

    /** Consonant skeleton of a Latin spelling (lowercase ASCII letters). */
    static String latinSkeleton(String word) {
        String s = word;
        if (s.length() > 4 && s.startsWith("abd")) {
            return "bd" + afterArticle(s.substring(3));
        }
        return latinConsonants(s);
    }

    /** The part after {@code abd}: article vowels and {@code l} dropped (sun letters assimilate it). */
    private static String afterArticle(String rest) {
        int k = 0;
        while (k < rest.length() && k < 2 && isVowel(rest.charAt(k))) {
            k++;
        }
        if (k < rest.length() && rest.charAt(k) == 'l' && rest.length() - k > 2) {
            k++;
        }
        return latinConsonants(rest.substring(k));
    }

    private static String latinConsonants(String word) {
        String s = word;
        String initial = "";
        // an initial semivowel is a consonant in both scripts (Ouazzani/الوزاني, Youssef/يوسف), unlike a medial one
        if (s.length() > 3 && (s.startsWith("ou") || s.startsWith("w")) && isVowel(s.charAt(s.startsWith("w") ? 1 : 2))
                && s.charAt(s.startsWith("w") ? 1 : 2) != 'u') {
            initial = "w";
            s = s.substring(s.startsWith("w") ? 1 : 2);
        } else if (s.length() > 2 && s.charAt(0) == 'y' && isVowel(s.charAt(1))) {
            initial = "y";
            s = s.substring(1);
        }
        if (s.length() > 3 && s.endsWith("e") && !isVowel(s.charAt(s.length() - 2))) {
            s = s.substring(0, s.length() - 1); // French silent e: Yassine, Amine
        }
        boolean nisba = s.length() > 2 && (s.endsWith("i") || s.endsWith("y") || s.endsWith("ie")
                || s.endsWith("ee")) && !s.endsWith("ay");
        StringBuilder b = new StringBuilder(s.length());
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            char next = i + 1 < n ? s.charAt(i + 1) : 0;
            char next2 = i + 2 < n ? s.charAt(i + 2) : 0;
            switch (c) {
                case 'a', 'e', 'i', 'o', 'u', 'y', 'w' -> {
                }
                case 's' -> {
                    if (next == 'c' && next2 == 'h') {
                        b.append('S');
                        i += 2;
                    } else if (next == 'h') {
                        b.append('S');
                        i++;
                    } else {
                        b.append('s');
                    }
                }
                case 't' -> {
                    if (next == 'c' && next2 == 'h') {
                        b.append('S');
                        i += 2;
                    } else {
                        b.append('t');
                        if (next == 'h') {
                            i++;
                        }
                    }
                }
                case 'c' -> {
                    if (next == 'h') {
                        b.append('S');
                        i++;
                    } else if (next == 'k') {
                        b.append('k');
                        i++;
                    } else {
                        b.append(next == 'e' || next == 'i' || next == 'y' ? 's' : 'k');
                    }
                }
                case 'k' -> {
                    if (next == 'h') {
                        b.append('x');
                        i++;
                    } else {
                        b.append('k');
                    }
                }
                case 'g' -> {
                    if (next == 'u' && (next2 == 'a' || next2 == 'o')) {
                        // Spanish gua/guo for w (و): a consonant at the start, a vowel letter inside
                        if (b.length() == 0 && initial.isEmpty()) {
                            b.append('w');
                        }
                        i++;
                    } else if (next == 'h') {
                        b.append('G');
                        i++;
                    } else if (next == 'u' && (next2 == 'e' || next2 == 'i')) {
                        b.append('k');
                        i++;
                    } else {
                        b.append(next == 'e' || next == 'i' || next == 'y' ? 'j' : 'k');
                    }
                }
                case 'd' -> {
                    if (next == 'j') {
                        b.append('j');
                        i++;
                    } else {
                        b.append('d');
                        if (next == 'h') {
                            i++;
                        }
                    }
                }
                case 'p' -> {
                    b.append(next == 'h' ? 'f' : 'b');
                    if (next == 'h') {
                        i++;
                    }
                }
                case 'q' -> {
                    b.append('k');
                    if (next == 'u' && i + 2 < n && isVowel(next2)) {
                        i++;
                    }
                }
                case 'x' -> b.append("ks");
                case 'v' -> b.append('f');
                default -> b.append(c);
            }
        }
        return initial + finish(b, nisba);
    }

    /** Consonant skeleton of a normalised Arabic spelling. */
    static String arabicSkeleton(String word) {
        String s = word;
        if (s.length() > 3 && s.startsWith("عبد")) {
            String rest = s.substring(3);
            if (rest.startsWith("ال") && rest.length() > 3) {
                rest = rest.substring(2);
            }
            return "bd" + arabicConsonants(rest);
        }
        if (s.startsWith("ال") && s.length() >= 4) {
            s = s.substring(2);
        }
        return arabicConsonants(s);
    }

    private static String arabicConsonants(String s) {
        boolean nisba = s.length() > 2 && s.endsWith("ي");
        StringBuilder b = new StringBuilder(s.length());
        int start = 0;
        if (s.length() > 2 && (s.charAt(0) == 'و' || s.charAt(0) == 'ي')) {
            b.append(s.charAt(0) == 'و' ? 'w' : 'y');
            start = 1;
        }
        for (int i = start; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case 'ب' -> b.append('b');
                case 'ت', 'ث', 'ط' -> b.append('t');
                case 'ج' -> b.append('j');
                case 'ح', 'ه' -> b.append('h');
                case 'خ' -> b.append('x');
                case 'د', 'ذ', 'ض', 'ظ' -> b.append('d');
                case 'ر' -> b.append('r');
                case 'ز' -> b.append('z');
                case 'س', 'ص' -> b.append('s');
                case 'ش' -> b.append('S');
                case 'غ' -> b.append('G');
                case 'ف' -> b.append('f');
                case 'ق', 'ك' -> b.append('k');
                case 'ل' -> b.append('l');
                case 'م' -> b.append('m');
                case 'ن' -> b.append('n');
                default -> {
                    // alef, waw, yaa, alef maqsura, taa marbuta, ain, hamza: vowels or not written in Latin
                }
            }
        }
        return finish(b, nisba);
    }

    /** Collapses doubled consonants (shadda, "ss"/"mm") and appends the nisba marker. */
    private static String finish(StringBuilder b, boolean nisba) {
        StringBuilder out = new StringBuilder(b.length() + 1);
        for (int i = 0; i < b.length(); i++) {
            if (out.length() == 0 || out.charAt(out.length() - 1) != b.charAt(i)) {
                out.append(b.charAt(i));
            }
        }
        if (nisba && out.length() > 0) {
            out.append('i');
        }
        return out.toString();
    }
}
