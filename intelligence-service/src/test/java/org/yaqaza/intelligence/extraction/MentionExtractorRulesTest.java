package org.yaqaza.intelligence.extraction;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.yaqaza.intelligence.screening.NameNormaliser;

/**
 * The extractor's rules on whole texts, with the name look-up in memory instead of SQL (the keys are the same
 * {@link NameKeys}; visibility is MentionExtractionTest's business). Real words and names only.
 */
class MentionExtractorRulesTest {

    private final Map<String, List<String[]>> index = new HashMap<>();
    private final Map<String, String> labels = new HashMap<>();
    static final ExtractionConfig CONFIG = new ExtractionConfig() {
        public boolean workers() {
            return false;
        }

        public String pollInterval() {
            return "1s";
        }

        public int batchSize() {
            return 100;
        }

        public int parallelism() {
            return 1;
        }

        public int maxNameWords() {
            return 6;
        }

        public double minScore() {
            return 0.8;
        }

        public int perKeyLimit() {
            return 20;
        }

        public int maxAttempts() {
            return 5;
        }
    };
    private final MentionExtractor extractor = new MentionExtractor(null, CONFIG);

    /** A place known under {@code names}; the Arabic-script ones are what the look-up returns as such. */
    private void place(String label, String... names) {
        String id = UUID.randomUUID().toString();
        labels.put(id, label);
        String arabic = String.join("\n", List.of(names).stream().filter(MentionExtractorRulesTest::arabicScript)
                .toList());
        for (String name : names) {
            for (String key : NameKeys.of(NameNormaliser.standard().parse(name).parts())) {
                index.computeIfAbsent(key, k -> new ArrayList<>()).add(new String[] { key, id, name, arabic });
            }
        }
    }

    private static boolean arabicScript(String name) {
        return name.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.ARABIC);
    }

    /** "text→label" of each proposal of the body. */
    private List<String> found(String body) {
        return extractor.extract(null, body, keys -> {
            List<String[]> rows = new ArrayList<>();
            for (String key : keys) {
                rows.addAll(index.getOrDefault(key, List.of()));
            }
            return rows;
        }).stream().map(f -> f.text() + "→" + labels.get(f.entityId().toString())).toList();
    }

    @Test
    void aWordOpeningASentenceNeedsTheNamesOwnSpelling() {
        place("Selouane", "Selouane", "سلوان");
        assertEquals(List.of("Selouane→Selouane"), found("Selon la source, le convoi est passé par Selouane."));
        assertEquals(List.of("Selouane→Selouane"), found("Selouane est calme."), "spelled as the name");
        assertEquals(List.of("Selouan→Selouane"), found("Le convoi est passé par Selouan."),
                "inside a sentence a capital is evidence enough for another spelling");
    }

    @Test
    void latinTextMustShowTheLongVowelsOfTheArabicName() {
        place("Manar", "منار");
        assertEquals(List.of("Manar→Manar"), found("Le port de Manar et la ville de Mounir."));
    }

    @Test
    void aNamesakeReachedOnlyThroughTheArticleGivesWayToTheOneWrittenAsInTheText() {
        place("al-Manar", "المنار");
        place("Manar", "منار");
        assertEquals(List.of("المنار→al-Manar"), found("وصل الزورق إلى المنار مساء."));
        assertEquals(List.of("منار→Manar"), found("وصل الزورق إلى منار مساء."));
    }

    @Test
    void functionWordsAndArabicWordsOfAnotherSpellingAreNotNames() {
        place("Funun", "فنون", "Founoun");
        place("Selouane", "Selouane", "سلوان");
        assertEquals(List.of(), found("وحسب المصدر، فإن سيلان الوادي قطع الطريق."));
        assertEquals(List.of("سلوان→Selouane"), found("قطع سيلان الوادي الطريق قرب سلوان."));
    }
}
