package org.yaqaza.intelligence;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;

import org.junit.jupiter.api.Test;
import org.yaqaza.intelligence.search.ArabicNormaliser;
import org.yaqaza.testsupport.PostgresTestResource;

import io.quarkus.test.junit.QuarkusTest;

/** The Java normaliser (queries) and the SQL one (index) must give the same text, or searches miss. */
@QuarkusTest
class ArabicNormaliserTest {

    private static final String[] SAMPLES = { "الأجهزة الاستخباراتية", "إرهاب", "آمال", "ٱلمغرب", "مستشفى",
        "مُحَمَّـــدٌ", "كتابه", "والمغرب بالمغرب فالمغرب كالمغرب للأجهزة", "بالغ و لل", "Réseau démantelé",
        "Abou Hamza 12", "عليٌّ في البيتِ", "" };

    @Test
    void javaAndSqlAgree() throws Exception {
        try (Connection c = PostgresTestResource.superuser("intelligence");
                PreparedStatement ps = c.prepareStatement("select yz_ar_normalise(?)")) {
            for (String sample : SAMPLES) {
                ps.setString(1, sample);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    assertEquals(rs.getString(1), ArabicNormaliser.normalise(sample), sample);
                }
            }
        }
    }

    @Test
    void spellingVariantsBecomeOne() {
        assertEquals(ArabicNormaliser.normalise("الاجهزة"), ArabicNormaliser.normalise("الأجهزة"));
        assertEquals(ArabicNormaliser.normalise("الاجهزه"), ArabicNormaliser.normalise("الأجهزة"));
        assertEquals(ArabicNormaliser.normalise("علي"), ArabicNormaliser.normalise("على"));
        assertEquals("محمد", ArabicNormaliser.normalise("مُحَمَّـــد"));
        assertEquals("المغرب", ArabicNormaliser.normalise("والمغرب"));
    }
}
