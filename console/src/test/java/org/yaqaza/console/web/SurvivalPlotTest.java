package org.yaqaza.console.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.yaqaza.console.api.prevention.Evaluation;

class SurvivalPlotTest {

    // 10 people; re-offences at 100 days (1 of 10) and 400 days (2 of 6: 3 censored in between); longest 900 days
    private static final Evaluation.Curve CURVE = new Evaluation.Curve(10, 3, 7, 0, 900L, List.of(
            new Evaluation.Step(100, 10, 1, 3, 0.9, 0.09, 0.6, 0.98),
            new Evaluation.Step(400, 6, 2, 4, 0.6, 0.2, 0.3, 0.8)), null);

    private static Evaluation evaluation(Evaluation.Curve curve) {
        Evaluation.Cohort overall = new Evaluation.Cohort(null, "all", 10L, 8L, 1L, 1L, 0L, 0.8, 90.0, 10L, List.of(),
                curve, curve == null ? "FOLLOW_UP" : null);
        return new Evaluation(null, "P", null, LocalDate.of(2026, 12, 1), "days", "95% log-log", null, overall,
                List.of(overall));
    }

    @Test
    void theNumbersAtRiskAreReadAtTheNextEventAndUnknownAfterTheLast() {
        assertEquals("10", SurvivalPlot.atRisk(CURVE, 0));
        assertEquals("10", SurvivalPlot.atRisk(CURVE, 3), "month 3 (91 days): at the re-offence of day 100");
        assertEquals("6", SurvivalPlot.atRisk(CURVE, 6), "month 6: at the re-offence of day 400");
        assertEquals("–", SurvivalPlot.atRisk(CURVE, 24), "after the last re-offence, before the longest observation");
        assertEquals("0", SurvivalPlot.atRisk(CURVE, 30), "after the longest observation nobody is at risk");
    }

    @Test
    void theCurveIsAStepFunctionWithItsBandAndTicksEverySixMonths() {
        SurvivalPlot plot = SurvivalPlot.of(evaluation(CURVE));
        assertEquals(1, plot.lines().size(), "one edition: the overall curve only");
        String path = plot.lines().get(0).path();
        assertTrue(path.startsWith("M" + plot.left() + " " + plot.top() + ".0"), path);
        assertEquals(3, path.split(" V").length, "one drop per re-offence time (two)");
        assertNotNull(plot.band());
        assertTrue(plot.band().endsWith("Z"));
        // 900 days = 29.6 months: an axis of 30 months, ticks every 6
        assertEquals(List.of("0", "6", "12", "18", "24", "30"),
                plot.xTicks().stream().map(SurvivalPlot.Tick::label).toList());
        assertEquals(plot.right(), plot.xTicks().get(plot.xTicks().size() - 1).at());
        assertEquals(6, plot.risk().get(0).cells().size());
    }

    @Test
    void aWithheldCurveIsNotDrawn() {
        SurvivalPlot plot = SurvivalPlot.of(evaluation(null));
        assertNull(plot.lines().get(0).path());
        assertTrue(plot.lines().get(0).suppressed());
        assertNull(plot.band());
        assertEquals("–", plot.risk().get(0).cells().get(0).value());
    }
}
