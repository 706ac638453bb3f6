package org.yaqaza.prevention;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.yaqaza.prevention.evaluation.KaplanMeier;
import org.yaqaza.prevention.evaluation.SurvivalChart;

/**
 * The estimator against a published textbook example: remission times (weeks) of the 6-MP arm of Freireich et
 * al. (1963), Blood 21:699, the leukaemia data used throughout Kleinbaum &amp; Klein, "Survival Analysis: A
 * Self-Learning Text" (ch. 2, S(t) for group 1) and Klein &amp; Moeschberger, "Survival Analysis" (2nd ed.,
 * Table 4.1A, S(t) with Greenwood standard errors). The log-log 95% bounds are the ones Stata's {@code sts list}
 * and R's {@code survfit(conf.type = "log-log")} print for these data.
 */
class KaplanMeierTest {

    /** 6-MP arm, n = 21: weeks in remission; false = censored (still in remission). */
    static final long[] WEEKS = { 6, 6, 6, 6, 7, 9, 10, 10, 11, 13, 16, 17, 19, 20, 22, 23, 25, 32, 32, 34, 35 };
    static final boolean[] RELAPSED = { true, true, true, false, true, false, true, false, false, true, true, false,
            false, false, true, true, false, false, false, false, false };

    // event time, at risk, events, S(t), Greenwood SE, Greenwood variance (= SE^2), log-log 95% lower, upper
    static final double[][] PUBLISHED = {
        { 6, 21, 3, 0.857, 0.0764, 0.00583, 0.620, 0.952 },
        { 7, 17, 1, 0.807, 0.0869, 0.00756, 0.563, 0.923 },
        { 10, 15, 1, 0.753, 0.0963, 0.00928, 0.503, 0.889 },
        { 13, 12, 1, 0.690, 0.1068, 0.01141, 0.432, 0.849 },
        { 16, 11, 1, 0.627, 0.1141, 0.01301, 0.368, 0.805 },
        { 22, 7, 1, 0.538, 0.1282, 0.01644, 0.268, 0.747 },
        { 23, 6, 1, 0.448, 0.1346, 0.01811, 0.188, 0.680 },
    };

    @Test
    void reproducesTheTextbookSurvivalGreenwoodVariancesAndIntervalsToThreeDecimals() {
        KaplanMeier.Curve curve = KaplanMeier.estimate(WEEKS, RELAPSED);
        assertEquals(21, curve.subjects());
        assertEquals(9, curve.events());
        assertEquals(12, curve.censored());
        List<KaplanMeier.Step> eventSteps = curve.steps();
        assertEquals(PUBLISHED.length, eventSteps.size(), "one step per event time");
        // censored between events: 6 (one at 6), 7 → 10 (9), 10 → 13 (10, 11), ..., after 23 (25, 32, 32, 34, 35)
        assertEquals(List.of(1L, 1L, 2L, 0L, 3L, 0L, 5L),
                eventSteps.stream().map(KaplanMeier.Step::censored).toList());
        for (int i = 0; i < PUBLISHED.length; i++) {
            double[] row = PUBLISHED[i];
            KaplanMeier.Step step = eventSteps.get(i);
            String at = "t=" + (long) row[0];
            assertEquals((long) row[0], step.time(), at);
            assertEquals((long) row[1], step.atRisk(), at);
            assertEquals((long) row[2], step.events(), at);
            assertEquals(row[3], step.survival(), 0.0005, at + " S(t)");
            assertEquals(row[4], step.standardError(), 0.0005, at + " SE");
            assertEquals(row[5], step.greenwoodVariance(), 0.00005, at + " Var");
            assertEquals(row[6], step.lower(), 0.0005, at + " lower");
            assertEquals(row[7], step.upper(), 0.0005, at + " upper");
        }
        // median remission: the first time S(t) <= 0.5 (23 weeks in the textbook)
        assertEquals(23L, curve.medianTime());
        assertEquals(0.448, KaplanMeier.survivalAt(curve, 30), 0.0005);
    }

    @Test
    void aCurveWithoutEventsStaysAtOneAndOneWithEveryoneFailingReachesZero() {
        KaplanMeier.Curve none = KaplanMeier.estimate(new long[] { 5, 9 }, new boolean[] { false, false });
        assertEquals(0, none.steps().size());
        assertEquals(2, none.censoredBeforeFirstEvent());
        assertEquals(9L, none.lastTime());
        assertNull(none.medianTime());
        KaplanMeier.Curve all = KaplanMeier.estimate(new long[] { 3, 4 }, new boolean[] { true, true });
        assertEquals(0.0, all.steps().get(1).survival());
        assertNull(all.steps().get(1).standardError(), "Greenwood is undefined once everyone at risk failed");
    }

    @Test
    void theChartIsWellFormedSvgEvenWithMarkupInNames() throws Exception {
        KaplanMeier.Curve curve = KaplanMeier.estimate(WEEKS, RELAPSED);
        String svg = SurvivalChart.render("مصالحة <2024> & \"test\"",
                List.of(new SurvivalChart.Series("الدورة الأولى", curve, true, null),
                        new SurvivalChart.Series("Edition <B> & co", curve, false, null)));
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Document doc = factory.newDocumentBuilder()
                .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
        assertEquals("svg", doc.getDocumentElement().getLocalName());
        assertEquals("http://www.w3.org/2000/svg", doc.getDocumentElement().getNamespaceURI());
        assertTrue(doc.getElementsByTagNameNS("http://www.w3.org/2000/svg", "path").getLength() >= 3,
                "two curves and a confidence band");
        assertTrue(svg.contains("الدورة الأولى"));
    }
}
