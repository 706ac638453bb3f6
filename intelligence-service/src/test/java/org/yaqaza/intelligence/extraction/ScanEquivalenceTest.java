package org.yaqaza.intelligence.extraction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.yaqaza.intelligence.screening.NameNormaliser;

/**
 * The scan that rules runs out before parsing them must keep exactly the runs parsing every run keeps: texts full
 * of what the parse rules look at (particles, patronymics, compounds, variant phrases, articles, chat digits,
 * hyphens, harakat) against key sets holding every part key of their runs, none, and random shares of them.
 */
class ScanEquivalenceTest {

    private static final String[] TEXTS = {
        "Selon la DGST, Mohamed ben Ahmed Benali et Abd el Kader Ould Sidi ont rencontré Abou Bakr El Baghdadi à Fès.",
        "Rapport: Sa3id Bel Kacem, dit AbdelKrim, et Youssef Aït Ouazzani ont quitté Tiflet pour Nador;"
                + " Da'ud Ben-Ali aussi.",
        "التقى محمد بن أحمد بنعلي وعبد القادر ولد سيدي مع أبو بكر البغدادي في فاس، ثم غادر داوود الناظور.",
        "قال مصدر إن عبدُ الرَّحمن الوزّاني وفاطمة الزهراء بنت علي سافرا إلى سلوان",
        "The courier Muhammad ibn Abdallah al-Tunisi met Jean-Pierre Lefèvre and Hassan II near Oujda.",
        "Noureddine Ech-Chaoui, Mohammed Amine El Idrissi et Ibn Battouta Ag Ghali: Maroc, Algérie, Mauritanie.",
        "Le Mohamed Amine Karim Benali Ahmed Said Tazi rencontre de la Fatima Zahra bint Hassan et el Moussaoui.",
        "اجتمع محمد أمين كريم بنعلي أحمد سعيد التازي مع فاطمة الزهراء بنت حسن والموساوي في الدار البيضاء",
        "A Abd Al Aziz, U Ali, Ag Mohamed, Ould Abdallah, Ait Baha: Jean Paul Marie Benali and Abu Al Qasim.",
    };

    @Test
    void theScanKeepsTheRunsParsingKeeps() {
        MentionExtractor extractor = new MentionExtractor(null, MentionExtractorRulesTest.CONFIG);
        Set<String> keys = new HashSet<>();
        Set<String> parts = new HashSet<>();
        for (String text : TEXTS) {
            for (TextWindows.Window w : TextWindows.of(text, 6)) {
                List<NameNormaliser.Part> parsed = NameNormaliser.standard().parse(w.text()).parts();
                parsed.forEach(p -> parts.addAll(p.keys()));
                keys.addAll(NameKeys.of(parsed));
            }
        }
        List<NameKeySet.Snapshot> filters = new ArrayList<>();
        filters.add(new NameKeySet.Snapshot(1, keys, parts));
        filters.add(new NameKeySet.Snapshot(1, keys, Set.of()));
        Random random = new Random(7);
        for (double share : new double[] { 0.1, 0.3, 0.5, 0.7, 0.9 }) {
            for (int n = 0; n < 4; n++) {
                Set<String> some = new HashSet<>();
                parts.stream().sorted().filter(p -> random.nextDouble() < share).forEach(some::add);
                filters.add(new NameKeySet.Snapshot(1, keys, some));
            }
        }
        int kept = 0;
        for (NameKeySet.Snapshot filter : filters) {
            for (String text : TEXTS) {
                var parsedEvery = extractor.prepare(text, text, filter, false).describe();
                assertEquals(parsedEvery, extractor.prepare(text, text, filter, true).describe(), text);
                kept += parsedEvery.size();
            }
        }
        assertTrue(kept > 100, "keys kept: " + kept);
    }
}
