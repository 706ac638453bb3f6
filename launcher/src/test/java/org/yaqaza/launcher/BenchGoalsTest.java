package org.yaqaza.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchGoalsTest {

    @Test
    void aMissedGoalMakesTheBenchFailAndIsNamedInTheSummary(@TempDir Path dir) {
        BenchGoals goals = new BenchGoals("search", null);
        goals.below("search p95", 38.2, "ms", 50);
        goals.atLeast("ingest", 1_900, "reports/s", 2_000);
        goals.info("COPY rate", 5_000, "rows/s");

        assertEquals(1, goals.finish());
        assertEquals(List.of("ingest"), goals.missed().stream().map(BenchGoals.Figure::name).toList());
    }

    @Test
    void everyGoalMetEndsWithStatusZero() {
        BenchGoals goals = new BenchGoals("graph", null);
        goals.atMost("depth 2 p95", 50, "ms", 50);
        goals.atLeast("batch", 1_000, "names/s", 1_000);

        assertEquals(0, goals.finish());
    }

    @Test
    void aFigureThatWasNotMeasuredIsMissedNotMet() {
        BenchGoals goals = new BenchGoals("lag", null);

        assertFalse(goals.below("proposal lag p95", Double.NaN, "s", 5).met());
    }

    @Test
    void theLineShowsTheGoalBesideTheFigureAndTheLoad() {
        BenchGoals.Figure figure = new BenchGoals("search", null).below("search p95 at 1000000 reports", 102.8, "ms",
                50);

        assertTrue(figure.line().startsWith(
                "search p95 at 1000000 reports: 103 ms (goal < 50 ms: MISSED, 2.06 of the goal; load "), figure.line());
    }

    @Test
    void figuresAreAppendedToTheResultsFileAsTableRows(@TempDir Path dir) throws Exception {
        Path results = dir.resolve("results.md");
        BenchGoals goals = new BenchGoals("screening", results);
        goals.below("p95 at 1000000 names", 10.5, "ms", 15);
        goals.info("names loaded", 990_000, "");

        List<String> rows = Files.readAllLines(results);
        assertEquals(2, rows.size());
        assertTrue(rows.get(0).startsWith("| screening | p95 at 1000000 names | 10.5 ms | < 15 ms | met | "),
                rows.get(0));
        assertTrue(rows.get(1).startsWith("| screening | names loaded | 990000 | — | — | "), rows.get(1));
    }
}
