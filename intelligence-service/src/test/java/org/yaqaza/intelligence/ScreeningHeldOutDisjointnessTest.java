package org.yaqaza.intelligence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The held-out screening set is held out: no name word of its persons or queries appears in the variant table, in
 * any other file of the service's source (src/main: rules, comments, resources) or in the tuning set's name list
 * (eval-names.tsv). Words are compared case-folded, without accents, vowel marks, tatweel or apostrophes, with Arabic
 * hamza/alif-maqsura/taa-marbuta folded, digits kept inside words ({@code Sa3id}). The only words allowed on both
 * sides are the particles and articles the issue asks the rules to know by name (ben, bent, ould, ait, bel, el,
 * ech…, abd, بن, عبد…) — grammar, not spellings of names.
 */
class ScreeningHeldOutDisjointnessTest {

    private static final Path RESOURCES = Path.of("src/test/resources/screening");
    private static final Set<String> PARTICLES = Set.of("ben", "bin", "ibn", "bent", "bint", "ould", "wuld", "ou",
            "u", "ag", "ait", "ayt", "el", "al", "l", "ul", "et", "es", "ez", "ed", "ech", "er", "en", "ar", "as",
            "ad", "an", "at", "az", "abd", "abdel", "abdul", "abdal", "abou", "abu", "bou", "bu", "bel", "bil", "b", "بن", "ابن",
            "بنت", "ولد", "ايت", "عبد", "ابو", "ال");

    @Test
    void noHeldOutSpellingAppearsInTheVariantTableTheCodeOrTheTuningSet() throws IOException {
        Set<String> code = new HashSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main"))) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                code.addAll(words(new String(Files.readAllBytes(f), StandardCharsets.UTF_8)));
            }
        }
        assertTrue(code.contains("mohamed") && code.contains("محمد"), "the variant table was read");
        Set<String> tuning = words(Files.readString(RESOURCES.resolve("eval-names.tsv")));
        Map<String, String> leaks = new TreeMap<>();
        int spellings = 0;
        for (String line : lines("heldout-persons.tsv")) {
            for (String name : line.split("\t")[3].split("\\|")) {
                spellings += check(name, code, tuning, leaks);
            }
        }
        int queries = 0;
        int negatives = 0;
        Set<String> negativeKinds = new HashSet<>();
        for (String line : lines("heldout-queries.tsv")) {
            String[] f = line.split("\t", -1);
            spellings += check(f[1], code, tuning, leaks);
            queries++;
            if (f[4].equals("-")) {
                negatives++;
                negativeKinds.add(f[0]);
            }
        }
        assertEquals(Map.of(), leaks, "held-out spellings found in src/main or eval-names.tsv");
        assertTrue(spellings > 5000, "words checked: " + spellings);
        assertTrue(queries >= 1000, "labelled queries: " + queries);
        assertEquals(Set.of("neg-patronymic-swap", "neg-other-middle", "neg-one-letter"), negativeKinds);
        assertTrue(negatives >= 150, "hard negatives: " + negatives);
    }

    private static int check(String text, Set<String> code, Set<String> tuning, Map<String, String> leaks) {
        Set<String> ws = words(text);
        for (String w : ws) {
            if (code.contains(w)) {
                leaks.put(w, "src/main: " + text);
            } else if (tuning.contains(w)) {
                leaks.put(w, "eval-names.tsv: " + text);
            }
        }
        return ws.size();
    }

    /** Name words, folded as described in the class comment; particles and single letters left out. */
    static Set<String> words(String text) {
        String s = Normalizer.normalize(text.toLowerCase(Locale.ROOT), Normalizer.Form.NFD);
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            int type = Character.getType(c);
            if (type == Character.NON_SPACING_MARK || c == '\u0640' || c == '\'' || c == '\u2019' || c == '\u2018'
                    || c == '\u02bf' || c == '\u02be' || c == '`') {
                continue;
            }
            b.append(switch (c) {
                case 'أ', 'إ', 'آ' -> 'ا';
                case 'ى' -> 'ي';
                case 'ة' -> 'ه';
                case 'ؤ' -> 'و';
                case 'ئ' -> 'ي';
                default -> Character.isLetterOrDigit(c) ? c : ' ';
            });
        }
        Set<String> out = new HashSet<>();
        for (String w : b.toString().split(" +")) {
            if (w.codePointCount(0, w.length()) > 1 && !PARTICLES.contains(w)
                    && !w.chars().allMatch(Character::isDigit)) {
                out.add(w);
            }
        }
        return out;
    }

    private static List<String> lines(String file) throws IOException {
        return Files.readAllLines(RESOURCES.resolve(file)).stream()
                .filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
    }
}
