package org.yaqaza.intelligence;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.yaqaza.common.text.ArabicOrthography;
import org.yaqaza.intelligence.screening.NameNormaliser;
import org.yaqaza.intelligence.search.ArabicNormaliser;
import org.yaqaza.testsupport.PostgresTestResource;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The orthographic rules search and screening share (common's {@link ArabicOrthography}), one table for every
 * implementation: the shared Java rules, search's Java normaliser, search's SQL function (the index side) and the
 * word forms screening compares. No row holds a clitic article or a letter only one side folds (hamza on the
 * line, Persian letters), so all four must give the expected text exactly.
 */
@QuarkusTest
class ArabicOrthographyTest {

    private record Row(String rule, String written, String normalised) {
    }

    private static final List<Row> TABLE = List.of(
            new Row("alef with hamza above", "أحمد", "احمد"),
            new Row("alef with hamza below", "إسماعيل", "اسماعيل"),
            new Row("alef with madda", "آمنة", "امنة"),
            new Row("alef wasla", "ٱلمهدي", "المهدي"),
            new Row("alef maqsura", "مصطفى", "مصطفي"),
            new Row("alef maqsura", "عيسى موسى", "عيسي موسي"),
            new Row("harakat and shadda", "مُحَمَّدٌ", "محمد"),
            new Row("tatweel", "محمـــد", "محمد"),
            new Row("superscript alef", "رحمٰن", "رحمن"),
            new Row("final haa", "فاطمه", "فاطمة"),
            new Row("final haa, short word", "طه", "طة"),
            new Row("medial haa stays", "هشام", "هشام"),
            new Row("taa marbuta stays", "كريمة حليمة", "كريمة حليمة"),
            new Row("final haa before a mark", "خديجهُ", "خديجة"),
            new Row("every rule at once", "إبراهيمُ مصطفى الإدريسيّ وهبه", "ابراهيم مصطفي الادريسي وهبة"),
            new Row("Latin unchanged", "Mohamed El Idrissi", "Mohamed El Idrissi"));

    @Test
    void sharedRulesGiveTheTable() {
        for (Row row : TABLE) {
            assertEquals(row.normalised, ArabicOrthography.normalise(row.written), row.rule);
        }
    }

    @Test
    void searchInJavaAndInSqlGiveTheTable() throws Exception {
        try (Connection c = PostgresTestResource.superuser("intelligence");
                PreparedStatement ps = c.prepareStatement("select yz_ar_normalise(?)")) {
            for (Row row : TABLE) {
                ps.setString(1, row.written);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    assertEquals(row.normalised, rs.getString(1), "SQL, " + row.rule);
                }
                assertEquals(row.normalised, ArabicNormaliser.normalise(row.written), "Java, " + row.rule);
            }
        }
    }

    @Test
    void screeningComparesTheSameWordForms() {
        for (Row row : TABLE) {
            if (!ArabicNormaliser.script(row.written).equals("ARABIC")) {
                continue; // screening lower-cases Latin names, a rule of its own
            }
            String forms = NameNormaliser.standard().parse(row.written).parts().stream()
                    .map(NameNormaliser.Part::form).collect(Collectors.joining(" "));
            assertEquals(row.normalised, forms, "screening, " + row.rule);
        }
    }
}
