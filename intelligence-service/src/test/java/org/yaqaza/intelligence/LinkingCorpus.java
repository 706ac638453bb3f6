package org.yaqaza.intelligence;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The held-out corpus of the mention-extraction evaluation (issue 20): known persons and places, and reports in
 * Arabic, French and English that name them in varied spellings, next to distractors, with the ground truth.
 * <p>
 * Nothing here is a list of names. A name is made of random three-consonant roots poured into Arabic word patterns
 * (فعيل, فاعل, مفعول, فعّال…), kept as phonemes, and written out by this class's own rules: Arabic script, and
 * Latin script after the French, English or Spanish convention, each sound with its options (ش ch/sh, ج dj/j/g/y,
 * ق k/q/c, خ kh/j, و ou/w/u, ع dropped or ' ` 3, short vowels e/a, o/ou, doubled letters single, vowels dropped,
 * the article assimilated to a sun letter as Ech-/Es-/Ed-, family name first). A name any of whose spellings is in
 * the screening variant table is drawn again, so the corpus never tests a spelling the engine was given.
 * Distractors: persons nobody knows, and near-namesakes (a known first name with a family name one consonant
 * away), which must not be proposed.
 */
public final class LinkingCorpus {

    /** A sound of a name: its Arabic letter and its Latin spellings per convention (French, English, Spanish). */
    private record Sound(String arabic, String[] french, String[] english, String[] spanish, boolean sun) {
    }

    private enum Convention { FRENCH, ENGLISH, SPANISH }

    /** A word of a name as phonemes: consonant codes and vowels, with the article or the nisba ending. */
    record Word(List<String> phonemes, boolean article, boolean nisba) {
    }

    /** A known entity: kind, the canonical names an officer entered (Arabic and French), and its phonemic words. */
    public record Known(int index, String kind, String arabicName, String latinName, List<Word> words) {
    }

    /** A span of a report's body that names a known entity. */
    public record Truth(int entity, int start, int end, String text) {
    }

    /** One generated report. */
    public record GeneratedReport(String language, String title, String body, List<Truth> truths,
            List<String> distractors) {
    }

    private static final java.util.Map<String, Sound> SOUNDS = new java.util.LinkedHashMap<>();

    private static void sound(String code, String arabic, String french, String english, String spanish,
            boolean sun) {
        SOUNDS.put(code, new Sound(arabic, french.split("/"), english.split("/"), spanish.split("/"), sun));
    }

    static {
        sound("b", "ب", "b", "b", "b", false);
        sound("t", "ت", "t", "t", "t", true);
        sound("th", "ث", "t/th", "th", "z/t", true);
        sound("j", "ج", "dj/j/g", "j", "y/j", false);
        sound("H", "ح", "h", "h", "h", false);
        sound("x", "خ", "kh", "kh", "j/kh", false);
        sound("d", "د", "d", "d", "d", true);
        sound("dh", "ذ", "d/dh", "dh", "d", true);
        sound("r", "ر", "r", "r", "r", true);
        sound("z", "ز", "z", "z", "z", true);
        sound("s", "س", "s", "s", "s", true);
        sound("sh", "ش", "ch", "sh", "ch/sh", true);
        sound("S", "ص", "s", "s", "s", true);
        sound("D", "ض", "d/dh", "d", "d", true);
        sound("T", "ط", "t", "t", "t", true);
        sound("Z", "ظ", "z/dh", "z/dh", "z", true);
        sound("E", "ع", "/'", "'/`/3/", "", false);
        sound("g", "غ", "gh/rh", "gh", "g/gh", false);
        sound("f", "ف", "f", "f", "f", false);
        sound("q", "ق", "k/q", "q/k", "c/k", false);
        sound("k", "ك", "k", "k", "k", false);
        sound("l", "ل", "l", "l", "l", true);
        sound("m", "م", "m", "m", "m", false);
        sound("n", "ن", "n", "n", "n", true);
        sound("h", "ه", "h", "h", "h", false);
    }

    /** Consonants roots are made of (semivowels and hamza would need the weak-root patterns). */
    private static final List<String> ROOT = List.copyOf(SOUNDS.keySet());
    private static final Set<String> VOWELS = Set.of("a", "i", "u", "aa", "ii", "uu");

    /** Word patterns: 1, 2, 3 are the root consonants; "=" doubles the previous consonant. */
    private static final String[] GIVEN = { "1a2ii3", "1aa2i3", "ma12uu3", "1a2=aa3", "1u2aa3", "1a2aa3" };
    private static final String[] FAMILY = { "1a2=aa3", "1a2ii3", "1a12aa3", "1aa2i3", "ma12uu3" };
    private static final String[] PLACE = { "1a2=aa3", "1i2aa3", "1u2uu3", "ta12ii3", "1a2aa3" };

    private final Random random;
    private final Predicate<String> forbidden;

    /** {@code forbidden}: a Latin or Arabic spelling (lower case, accents off) the corpus must not contain. */
    public LinkingCorpus(long seed, Predicate<String> forbidden) {
        this.random = new Random(seed);
        this.forbidden = forbidden;
    }

    // ------------------------------------------------------------------ names

    private List<String> root() {
        while (true) {
            String c1 = ROOT.get(random.nextInt(ROOT.size()));
            String c2 = ROOT.get(random.nextInt(ROOT.size()));
            String c3 = ROOT.get(random.nextInt(ROOT.size()));
            if (!c1.equals(c2) && !c2.equals(c3) && !(c1.equals("E") && c2.equals("h"))) {
                return List.of(c1, c2, c3);
            }
        }
    }

    private Word word(String[] patterns, List<String> root, boolean article, boolean nisba) {
        String pattern = patterns[random.nextInt(patterns.length)];
        List<String> phonemes = new ArrayList<>();
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c >= '1' && c <= '3') {
                phonemes.add(root.get(c - '1'));
            } else if (c == '=') {
                phonemes.add(phonemes.get(phonemes.size() - 1));
            } else if (i + 1 < pattern.length() && pattern.charAt(i + 1) == c) {
                phonemes.add("" + c + c);
                i++;
            } else {
                phonemes.add(String.valueOf(c));
            }
        }
        return new Word(List.copyOf(phonemes), article, nisba);
    }

    private List<Word> personWords() {
        List<Word> words = new ArrayList<>();
        words.add(word(GIVEN, root(), false, false));
        if (random.nextInt(5) == 0) {
            words.add(word(GIVEN, root(), false, false)); // a second given name
        }
        words.add(word(FAMILY, root(), random.nextInt(3) == 0, random.nextBoolean()));
        return words;
    }

    private List<Word> placeWords() {
        return List.of(word(PLACE, root(), random.nextInt(4) == 0, false));
    }

    /** Whether any of a sample of the name's spellings is one the engine was given. */
    private boolean touchesTable(List<Word> words) {
        for (int i = 0; i < 24; i++) {
            for (Convention c : Convention.values()) {
                for (String w : latin(words, c, false).split("[ -]")) {
                    if (forbidden.test(fold(w))) {
                        return true;
                    }
                }
            }
            for (String w : arabic(words).split(" ")) {
                if (forbidden.test(w)) {
                    return true;
                }
            }
        }
        return false;
    }

    public List<Known> entities(int persons, int places) {
        List<Known> known = new ArrayList<>();
        Set<String> seen = new java.util.HashSet<>();
        while (known.size() < persons + places) {
            boolean person = known.size() < persons;
            List<Word> words = person ? personWords() : placeWords();
            String canonical = arabic(words);
            if (!seen.add(canonical) || touchesTable(words)) {
                continue;
            }
            known.add(new Known(known.size(), person ? "PERSON" : "LOCATION", canonical,
                    canonicalLatin(words), words));
        }
        return known;
    }

    // ------------------------------------------------------------------ writing names out

    private String pick(String[] options) {
        return options[random.nextInt(options.length)];
    }

    private String canonicalLatin(List<Word> words) {
        Random saved = new Random(words.hashCode());
        StringBuilder out = new StringBuilder();
        for (Word w : words) {
            out.append(out.length() > 0 ? " " : "");
            if (w.article) {
                out.append("El ");
            }
            StringBuilder word = new StringBuilder();
            for (String p : w.phonemes) {
                word.append(VOWELS.contains(p) ? frenchVowel(p, saved, false) : SOUNDS.get(p).french[0]);
            }
            if (w.nisba) {
                word.append("i");
            }
            out.append(capitalise(word.toString()));
        }
        return out.toString();
    }

    private static String frenchVowel(String vowel, Random r, boolean loose) {
        return switch (vowel) {
            case "a" -> loose && r.nextInt(3) == 0 ? "e" : "a";
            case "i" -> loose && r.nextInt(3) == 0 ? "e" : "i";
            case "u" -> loose && r.nextBoolean() ? "o" : "ou";
            case "aa" -> "a";
            case "ii" -> "i";
            default -> "ou";
        };
    }

    private String vowel(String vowel, Convention c) {
        return switch (c) {
            case FRENCH -> frenchVowel(vowel, random, true);
            case ENGLISH -> switch (vowel) {
                case "uu" -> random.nextBoolean() ? "oo" : "u";
                case "ii" -> random.nextInt(3) == 0 ? "ee" : "i";
                case "aa" -> random.nextInt(4) == 0 ? "aa" : "a";
                default -> vowel;
            };
            case SPANISH -> vowel.equals("u") && random.nextBoolean() ? "o" : vowel.substring(0, 1);
        };
    }

    /** One Latin spelling of a name after {@code convention}; {@code reorder} may put the family name first. */
    private String latin(List<Word> words, Convention convention, boolean reorder) {
        List<Word> ordered = new ArrayList<>(words);
        if (reorder && ordered.size() > 1 && random.nextInt(5) == 0) {
            ordered.add(0, ordered.remove(ordered.size() - 1));
        }
        List<String> out = new ArrayList<>();
        for (Word w : ordered) {
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < w.phonemes.size(); i++) {
                String p = w.phonemes.get(i);
                if (VOWELS.contains(p)) {
                    // Maghrebi spellings drop short vowels now and then (Mhammed)
                    if (p.length() == 1 && i > 0 && convention == Convention.FRENCH && random.nextInt(10) == 0
                            && !makesDigraph(b, w.phonemes, i)) {
                        continue;
                    }
                    b.append(vowel(p, convention));
                } else if (i > 0 && p.equals(w.phonemes.get(i - 1)) && random.nextBoolean()) {
                    continue; // a doubled letter written once
                } else {
                    Sound s = SOUNDS.get(p);
                    String written = pick(convention == Convention.FRENCH ? s.french
                            : convention == Convention.ENGLISH ? s.english : s.spanish);
                    b.append(i == 0 && written.equals("3") ? "" : written); // 3 for ع only inside a word
                }
            }
            if (w.nisba) {
                b.append(convention == Convention.ENGLISH && random.nextInt(3) == 0 ? "y" : "i");
            }
            String body = capitalise(b.toString());
            if (w.article) {
                out.add(article(w, convention) + body);
            } else {
                out.add(body);
            }
        }
        return String.join(" ", out);
    }

    /** Whether dropping the vowel at {@code i} would make two letters read as one sound (Sahan → "Shan"). */
    private static boolean makesDigraph(StringBuilder written, List<String> phonemes, int i) {
        boolean nextIsH = i + 1 < phonemes.size() && SOUNDS.containsKey(phonemes.get(i + 1))
                && SOUNDS.get(phonemes.get(i + 1)).french[0].startsWith("h");
        return nextIsH && written.length() > 0 && "sckgdtz".indexOf(written.charAt(written.length() - 1)) >= 0;
    }

    /** El-/Al-, or assimilated to a sun letter (Ech-Chafii), or left out. */
    private String article(Word w, Convention convention) {
        Sound first = SOUNDS.get(w.phonemes.get(0));
        int choice = random.nextInt(4);
        if (choice == 0) {
            return "";
        }
        String vowel = convention == Convention.ENGLISH ? "A" : "E";
        if (first.sun && choice == 1) {
            String letter = pick(convention == Convention.FRENCH ? first.french
                    : convention == Convention.ENGLISH ? first.english : first.spanish);
            return letter.isEmpty() ? vowel + "l-" : vowel + letter.toLowerCase(Locale.ROOT) + "-";
        }
        return vowel + "l" + (random.nextBoolean() ? "-" : " ");
    }

    /** Arabic script: consonants and long vowels written, short vowels and doubling not, ال joined. */
    private String arabic(List<Word> words) {
        List<String> out = new ArrayList<>();
        for (Word w : words) {
            StringBuilder b = new StringBuilder(w.article ? "ال" : "");
            for (int i = 0; i < w.phonemes.size(); i++) {
                String p = w.phonemes.get(i);
                switch (p) {
                    case "aa" -> b.append(i == 0 ? "آ" : "ا");
                    case "ii" -> b.append("ي");
                    case "uu" -> b.append("و");
                    case "a", "i", "u" -> {
                        if (i == 0) {
                            b.append("ا");
                        }
                    }
                    default -> {
                        if (i == 0 || !p.equals(w.phonemes.get(i - 1))) {
                            b.append(SOUNDS.get(p).arabic);
                        }
                    }
                }
            }
            if (w.nisba) {
                b.append("ي");
            }
            out.add(b.toString());
        }
        return String.join(" ", out);
    }

    private String arabicSpelling(List<Word> words) {
        String written = arabic(words);
        if (words.size() > 1 && random.nextInt(5) == 0) {
            String[] parts = written.split(" ");
            return parts[parts.length - 1] + " " + String.join(" ", java.util.Arrays.copyOf(parts, parts.length - 1));
        }
        return written;
    }

    /** A spelling for a report in {@code language}, never one the variant table holds. */
    private String spelling(List<Word> words, String language) {
        for (int attempt = 0; ; attempt++) {
            String s = switch (language) {
                case "ar" -> arabicSpelling(words);
                case "fr" -> latin(words, random.nextInt(5) == 0 ? Convention.SPANISH : Convention.FRENCH, true);
                default -> latin(words, random.nextInt(5) == 0 ? Convention.FRENCH : Convention.ENGLISH, true);
            };
            boolean clean = java.util.Arrays.stream(s.split("[ -]")).noneMatch(w -> forbidden.test(fold(w)));
            if (clean || attempt > 20) {
                return s;
            }
        }
    }

    // ------------------------------------------------------------------ reports

    private static final String[][] SENTENCES_AR = {
        { "أفاد مصدر موثوق بأن {P} التقى {P} في {L} مساء الخميس." },
        { "رصدت المصالح المختصة تحركات {P} قرب محطة القطار في {L}." },
        { "وحسب المعطيات المتوفرة، فإن {P} يتواصل بانتظام مع أشخاص مجهولين." },
        { "تم تسجيل تحويلات مالية مشبوهة لفائدة {P} خلال الأسبوع الماضي." },
        { "غادر {P} مدينة {L} في اتجاه الحدود الشرقية دون إشعار أسرته." },
    };
    private static final String[][] SENTENCES_FR = {
        { "Selon une source fiable, {P} a rencontré {P} à {L} jeudi soir." },
        { "Les services ont observé {P} près de la gare de {L}." },
        { "D'après les éléments recueillis, {P} communique régulièrement avec des inconnus." },
        { "Des virements suspects au profit de {P} ont été relevés la semaine dernière." },
        { "{P} a quitté {L} en direction de la frontière orientale sans prévenir sa famille." },
    };
    private static final String[][] SENTENCES_EN = {
        { "A reliable source reports that {P} met {P} in {L} on Thursday evening." },
        { "Officers observed {P} near the railway station in {L}." },
        { "According to the information gathered, {P} is in regular contact with unknown individuals." },
        { "Suspicious transfers in favour of {P} were recorded last week." },
        { "{P} left {L} for the eastern border without telling his family." },
    };
    private static final String[] TITLES_AR = { "مذكرة إخبارية", "تقرير متابعة", "معلومات أولية" };
    private static final String[] TITLES_FR = { "Note d'information", "Rapport de suivi", "Renseignement initial" };
    private static final String[] TITLES_EN = { "Information note", "Follow-up report", "Initial intelligence" };

    /** {@code count} reports, Arabic, French and English in turn, naming {@code known} entities. */
    public List<GeneratedReport> reports(int count, List<Known> known) {
        List<Known> persons = known.stream().filter(k -> k.kind.equals("PERSON")).toList();
        List<Known> places = known.stream().filter(k -> k.kind.equals("LOCATION")).toList();
        List<GeneratedReport> reports = new ArrayList<>();
        for (int n = 0; n < count; n++) {
            String language = List.of("ar", "fr", "en").get(n % 3);
            String[][] sentences = language.equals("ar") ? SENTENCES_AR : language.equals("fr") ? SENTENCES_FR
                    : SENTENCES_EN;
            String[] titles = language.equals("ar") ? TITLES_AR : language.equals("fr") ? TITLES_FR : TITLES_EN;
            StringBuilder body = new StringBuilder();
            List<Truth> truths = new ArrayList<>();
            List<String> distractors = new ArrayList<>();
            int sentenceCount = 2 + random.nextInt(3);
            for (int s = 0; s < sentenceCount; s++) {
                String template = sentences[random.nextInt(sentences.length)][0];
                body.append(body.length() > 0 ? " " : "");
                int at = 0;
                while (at < template.length()) {
                    int slot = template.indexOf('{', at);
                    if (slot < 0) {
                        body.append(template, at, template.length());
                        break;
                    }
                    body.append(template, at, slot);
                    boolean place = template.charAt(slot + 1) == 'L';
                    fill(body, place ? places : persons, place, language, truths, distractors);
                    at = slot + 3;
                }
            }
            reports.add(new GeneratedReport(language, titles[random.nextInt(titles.length)], body.toString(),
                    List.copyOf(truths), List.copyOf(distractors)));
        }
        return reports;
    }

    /** A known entity (seven in ten), a person nobody knows, or a near-namesake of a known person. */
    private void fill(StringBuilder body, List<Known> pool, boolean place, String language, List<Truth> truths,
            List<String> distractors) {
        int roll = random.nextInt(10);
        if (roll < 7) {
            Known k = pool.get(random.nextInt(pool.size()));
            String text = spelling(k.words, language);
            truths.add(new Truth(k.index, body.length(), body.length() + text.length(), text));
            body.append(text);
            return;
        }
        List<Word> words;
        if (roll < 9 || place) {
            words = place ? placeWords() : personWords(); // nobody known (a clash with a known name is possible)
        } else {
            Known k = pool.get(random.nextInt(pool.size()));
            words = new ArrayList<>(k.words);
            Word family = words.get(words.size() - 1);
            List<String> changed = new ArrayList<>(family.phonemes);
            for (int i = 0; i < changed.size(); i++) {
                if (!VOWELS.contains(changed.get(i)) && !changed.get(i).equals("E")) {
                    changed.set(i, otherConsonant(changed.get(i)));
                    break;
                }
            }
            words.set(words.size() - 1, new Word(List.copyOf(changed), family.article, family.nisba));
        }
        String text = spelling(words, language);
        distractors.add(text);
        body.append(text);
    }

    /** A consonant no convention spells like {@code consonant} (k is not q: ق may be written k). */
    private String otherConsonant(String consonant) {
        Set<Character> taken = firstLetters(consonant);
        while (true) {
            String other = ROOT.get(random.nextInt(ROOT.size()));
            Set<Character> letters = firstLetters(other);
            letters.retainAll(taken);
            if (!other.equals("E") && letters.isEmpty()) {
                return other;
            }
        }
    }

    private static Set<Character> firstLetters(String consonant) {
        Sound s = SOUNDS.get(consonant);
        Set<Character> letters = new java.util.HashSet<>();
        for (String[] options : List.of(s.french, s.english, s.spanish)) {
            for (String option : options) {
                if (!option.isEmpty()) {
                    letters.add(option.charAt(0));
                }
            }
        }
        return letters;
    }

    // ------------------------------------------------------------------ helpers

    /** The first letter in capitals ('Abid: the apostrophe of ع stays in front). */
    private static String capitalise(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isLetter(s.charAt(i))) {
                return s.substring(0, i) + Character.toUpperCase(s.charAt(i)) + s.substring(i + 1);
            }
        }
        return s;
    }

    /** Lower case without accents or apostrophes: how the variant table is compared. */
    public static String fold(String word) {
        return Normalizer.normalize(word, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .replaceAll("['`‘’]", "").toLowerCase(Locale.ROOT);
    }
}
