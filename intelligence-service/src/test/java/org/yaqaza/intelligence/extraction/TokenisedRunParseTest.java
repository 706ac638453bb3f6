package org.yaqaza.intelligence.extraction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.yaqaza.intelligence.screening.NameNormaliser;
import org.yaqaza.intelligence.screening.NameNormaliser.Parsed;

/**
 * Extraction parses a run from its words' tokens (each word tokenised once) instead of the run's text: the result
 * must be the normaliser's parse of the run's text, for every run of texts full of what the rules look at
 * (particles, patronymics, compounds, variant phrases, articles, chat digits, camel case, accents, harakat).
 */
class TokenisedRunParseTest {

    private static final String[] TEXTS = {
        "Selon la DGST, Mohamed ben Ahmed Benali et Abd el Kader Ould Sidi ont rencontré Abou Bakr El Baghdadi à Fès.",
        "Rapport: Sa3id Bel Kacem, dit AbdelKrim, et Youssef Aït Ouazzani ont quitté Tiflet pour Nador; Da'ud Ben-Ali aussi.",
        "التقى محمد بن أحمد بنعلي وعبد القادر ولد سيدي مع أبو بكر البغدادي في فاس، ثم غادر داوود الناظور.",
        "قال مصدر إن عبدُ الرَّحمن الوزّاني وفاطمة الزهراء بنت علي سافرا إلى سلوان",
        "The courier Muhammad ibn Abdallah al-Tunisi met Jean-Pierre Lefèvre and Hassan II near Oujda.",
        "Noureddine Ech-Chaoui, Mohammed Amine El Idrissi et Ibn Battouta Ag Ghali: Maroc, Algérie, Mauritanie.",
    };

    @Test
    void everyRunParsedFromItsWordsTokensIsTheParseOfItsText() {
        NameNormaliser normaliser = NameNormaliser.standard();
        int runs = 0;
        for (String text : TEXTS) {
            List<TextWindows.Word> words = TextWindows.words(text);
            for (int[] span : TextWindows.spans(words, 6)) {
                List<NameNormaliser.Word> tokens = new ArrayList<>();
                int other = 0;
                for (int k = span[0]; k <= span[1]; k++) {
                    NameNormaliser.Tokens t = normaliser.tokens(text.substring(words.get(k).start(),
                            words.get(k).end()));
                    tokens.addAll(t.words());
                    other += t.otherScriptLetters();
                }
                String run = text.substring(words.get(span[0]).start(), words.get(span[1]).end());
                Parsed expected = normaliser.parse(run);
                Parsed actual = normaliser.parse(tokens, other);
                assertEquals(expected.parts(), actual.parts(), run);
                assertEquals(expected.otherScriptLetters(), actual.otherScriptLetters(), run);
                assertTrue(Arrays.deepEquals(expected.patronymics().toArray(), actual.patronymics().toArray()), run);
                runs++;
            }
        }
        assertTrue(runs > 200, "runs checked: " + runs);
    }

    @Test
    void windowsAreTheRunsOfTheirSpans() {
        for (String text : TEXTS) {
            List<TextWindows.Word> words = TextWindows.words(text);
            List<int[]> spans = TextWindows.spans(words, 6);
            List<TextWindows.Window> windows = TextWindows.of(text, 6);
            assertEquals(spans.size(), windows.size());
            for (int i = 0; i < spans.size(); i++) {
                assertEquals(words.get(spans.get(i)[0]).start(), windows.get(i).start());
                assertEquals(words.get(spans.get(i)[1]).end(), windows.get(i).end());
            }
        }
    }
}
