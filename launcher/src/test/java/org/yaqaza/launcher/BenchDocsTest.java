package org.yaqaza.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchDocsTest {

    /** The repository: surefire runs in the launcher module's directory. */
    private static final Path REPOSITORY = Path.of("").toAbsolutePath().getParent();

    private static final String RESULTS = """
            # Bench results 2026-12-05 07:30 UTC, commit abc1234

            Machine: 2 cores, 8.0 GiB memory, openjdk version 17.0.15, load average at the start 0.50 0.40 0.30.

            ## gateway

            `bench/gateway.sh` — 194 s, exit status 1 (a goal missed)

            | bench | figure | value | goal | verdict | load average |
            |---|---|---|---|---|---|
            | gateway | p50 added by the gateway at 500 req/s | 0.322 ms | <= 1 ms | met | 1.01 2.49 4.15 on 2 cores |
            | gateway | saturated throughput through the gateway, share of direct | 66.3 % | >= 75 % | **missed** | 2.12 2.45 4.01 on 2 cores |

            ## intelligence

            `bench/intelligence.sh ` — 281 s, exit status 1 (a goal missed)

            | bench | figure | value | goal | verdict | load average |
            |---|---|---|---|---|---|
            | intelligence | bulk ingest of 100000 reports, acknowledged | 1812 reports/s | >= 2000 reports/s | **missed** | 4.00 2.89 4.04 on 2 cores |
            | intelligence | search p95 at 100000 reports | 33.8 ms | < 50 ms | met | 3.52 3.14 3.92 on 2 cores |

            ## Goals missed

            | bench | figure | value | goal | verdict | cause |
            |---|---|---|---|---|---|
            | gateway | saturated throughput through the gateway, share of direct | 66.3 % | >= 75 % | **missed** | the proxy's CPU per request |
            | intelligence | bulk ingest of 100000 reports, acknowledged | 1812 reports/s | >= 2000 reports/s | **missed** | not investigated |
            """;

    @Test
    void docsAgreeWithTheLatestResultsFile() throws IOException {
        assertTrue(Files.isDirectory(REPOSITORY.resolve("docs")), "not the repository: " + REPOSITORY);
        List<String> problems = BenchDocs.problems(REPOSITORY);
        assertTrue(problems.isEmpty(), () -> "docs/ disagree with the latest bench results file ("
                + problems.size() + "):\n  " + String.join("\n  ", problems)
                + "\nRegenerate with bench/docs.sh (bench/README.md, \"Docs from the results\").");
    }

    @Test
    void theBenchesAreThoseOfTheRunner() throws IOException {
        String runner = Files.readString(REPOSITORY.resolve("bench/all.sh"), StandardCharsets.UTF_8);
        Matcher order = Pattern.compile("(?m)^ORDER=\\(([^)]*)\\)").matcher(runner);
        assertTrue(order.find(), "bench/all.sh has no ORDER=(…) line");
        assertEquals(List.of(order.group(1).trim().split("\\s+")), BenchDocs.BENCHES);
    }

    @Test
    void theLatestFileIsByDateThenTimeAndNeverASmallRun(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("2026-12-04-aaaaaaa.md"), "# Bench results 2026-12-04 23:00 UTC, commit aaaaaaa\n");
        Files.writeString(dir.resolve("2026-12-05-ccccccc.md"), "# Bench results 2026-12-05 09:00 UTC, commit ccccccc\n");
        Files.writeString(dir.resolve("2026-12-05-bbbbbbb.md"), "# Bench results 2026-12-05 10:00 UTC, commit bbbbbbb\n");
        Files.writeString(dir.resolve("2026-12-06-ddddddd-small.md"), "# Bench results 2026-12-06 10:00 UTC, commit d\n");
        Files.writeString(dir.resolve("notes.md"), "not a results file\n");

        assertEquals("2026-12-05-bbbbbbb.md", BenchDocs.latest(dir).orElseThrow().getFileName().toString());
    }

    @Test
    void aBlockIsWrittenFromTheResultsWithCausesAndTheTextAroundItIsKept(@TempDir Path root) throws IOException {
        Path doc = repository(root, "Intro.\n\n<!-- bench:begin intelligence -->\nold figures\n<!-- bench:end -->\n\nAfter.\n");
        BenchDocs.Results results = BenchDocs.parse(root.resolve("bench/results/2026-12-05-abc1234.md"));

        String refreshed = BenchDocs.refresh(Files.readString(doc), BenchDocs.Latest.of(results), root, doc);

        assertTrue(refreshed.startsWith("Intro.\n\n<!-- bench:begin intelligence -->\n"), refreshed);
        assertTrue(refreshed.endsWith("<!-- bench:end -->\n\nAfter.\n"), refreshed);
        assertFalse(refreshed.contains("old figures"), refreshed);
        assertTrue(refreshed.contains("[`bench/results/2026-12-05-abc1234.md`](../bench/results/2026-12-05-abc1234.md)"),
                refreshed);
        assertTrue(refreshed.contains("2026-12-05 07:30 UTC, commit abc1234"), refreshed);
        assertTrue(refreshed.contains("| bulk ingest of 100000 reports, acknowledged | 1812 reports/s | >= 2000 reports/s"
                + " | **missed** | not investigated | 4.00 2.89 4.04 on 2 cores |"), refreshed);
        assertTrue(refreshed.contains("| search p95 at 100000 reports | 33.8 ms | < 50 ms | met | — |"), refreshed);
        assertEquals(refreshed, BenchDocs.refresh(refreshed, BenchDocs.Latest.of(results), root, doc), "a second run changes nothing");
    }

    @Test
    void theSummaryListsEveryMissedGoalWithItsCauseAndTheBenchesNotRun(@TempDir Path root) throws IOException {
        Path doc = repository(root, "<!-- bench:begin summary -->\n<!-- bench:end -->\n");
        BenchDocs.Results results = BenchDocs.parse(root.resolve("bench/results/2026-12-05-abc1234.md"));

        String summary = BenchDocs.refresh(Files.readString(doc), BenchDocs.Latest.of(results), root, doc);

        assertTrue(summary.contains("| gateway | [`bench/results/2026-12-05-abc1234.md`](../bench/results/"
                + "2026-12-05-abc1234.md), commit abc1234 | `bench/gateway.sh` | 2 | 1 | 1 | 194 s, exit status 1"),
                summary);
        assertTrue(summary.contains("| gateway | saturated throughput through the gateway, share of direct | 66.3 % |"
                + " >= 75 % | **missed** | the proxy's CPU per request |"), summary);
        assertTrue(summary.contains("Not run: startup, liaison, prevention, screening,"), summary);
    }

    @Test
    void aNewerRunOfSomeBenchesLeavesTheOthersOnTheRunThatMeasuredThem(@TempDir Path root) throws IOException {
        Path doc = repository(root, "<!-- bench:begin summary -->\n<!-- bench:end -->\n"
                + "<!-- bench:begin gateway -->\n<!-- bench:end -->\n"
                + "<!-- bench:begin intelligence -->\n<!-- bench:end -->\n");
        Files.writeString(root.resolve("bench/results/2026-12-06-fff0000.md"), """
                # Bench results 2026-12-06 08:00 UTC, commit fff0000

                ## gateway

                `bench/gateway.sh` — 150 s, exit status 0

                | bench | figure | value | goal | verdict | load average |
                |---|---|---|---|---|---|
                | gateway | saturated throughput through the gateway, share of direct | 80.1 % | >= 75 % | met | 1.00 on 2 cores |

                ## Goals missed

                None.
                """);

        String text = BenchDocs.refresh(Files.readString(doc), BenchDocs.read(root.resolve("bench/results"))
                .orElseThrow(), root, doc);

        String gateway = text.substring(text.indexOf("bench:begin gateway"), text.indexOf("bench:begin intelligence"));
        assertTrue(gateway.contains("2026-12-06 08:00 UTC, commit fff0000"), gateway);
        assertTrue(gateway.contains("| 80.1 % | >= 75 % | met |"), gateway);
        assertFalse(gateway.contains("66.3 %"), gateway);
        String intelligence = text.substring(text.indexOf("bench:begin intelligence"));
        assertTrue(intelligence.contains("commit abc1234"), intelligence);
        assertTrue(intelligence.contains("| search p95 at 100000 reports | 33.8 ms |"), intelligence);
        assertTrue(text.contains("Not run: startup, liaison, prevention,"), text);
        assertFalse(text.contains("66.3 %"), "the gateway's older miss is no longer listed: " + text);
    }

    @Test
    void aRunWithoutBenchesShowsEveryBenchAsNotRun(@TempDir Path root) throws IOException {
        Path doc = root.resolve("docs/a.md");
        Files.createDirectories(doc.getParent());
        Files.writeString(doc, "<!-- bench:begin summary -->\n<!-- bench:end -->\n"
                + "<!-- bench:begin gateway -->\n<!-- bench:end -->\n");
        Path empty = root.resolve("bench/results/2026-12-06-fff0000.md");
        Files.createDirectories(empty.getParent());
        Files.writeString(empty, "# Bench results 2026-12-06 08:00 UTC, commit fff0000\n\n## Goals missed\n\nNone.\n");

        String text = BenchDocs.refresh(Files.readString(doc), BenchDocs.read(root.resolve("bench/results"))
                .orElseThrow(), root, doc);

        assertFalse(text.contains("| bench |"), text);
        assertTrue(text.contains("Not run: startup, gateway, liaison, prevention, intelligence,"), text);
        assertTrue(text.contains("Goals missed: none."), text);
        assertTrue(text.contains("`gateway` was not run in it"), text);
    }

    @Test
    void aStaleBlockIsNamedWithItsFileAndLineAndHowToRegenerate(@TempDir Path root) throws IOException {
        repository(root, "# Gateway\n\n<!-- bench:begin gateway -->\nhand-written 70 %\n<!-- bench:end -->\n"
                + "<!-- bench:begin intelligence -->\n<!-- bench:end -->\n");

        List<String> problems = BenchDocs.problems(root);

        assertTrue(problems.stream().anyMatch(p -> p.startsWith("docs/a.md:3: block 'gateway' differs from what"
                + " bench/results/2026-12-05-abc1234.md gives; run `bench/docs.sh`")), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("docs/a.md:6: block 'intelligence' differs")),
                problems.toString());

        Path doc = root.resolve("docs/a.md");
        Files.writeString(doc, BenchDocs.refresh(Files.readString(doc), BenchDocs.Latest.of(BenchDocs.parse(
                root.resolve("bench/results/2026-12-05-abc1234.md"))), root, doc));
        assertEquals(List.of(), BenchDocs.problems(root));
    }

    @Test
    void aBenchOfTheRunThatNoBlockShowsAndAMissedGoalWithoutACauseAreReported(@TempDir Path root)
            throws IOException {
        repository(root, "<!-- bench:begin gateway -->\n<!-- bench:end -->\n");
        Path results = root.resolve("bench/results/2026-12-05-abc1234.md");
        Files.writeString(results, RESULTS.substring(0, RESULTS.indexOf("## Goals missed")));

        List<String> problems = BenchDocs.problems(root);

        assertTrue(problems.stream().anyMatch(p -> p.startsWith("no docs file has a block for bench 'intelligence'")),
                problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.contains("the missed goal 'gateway saturated throughput through"
                + " the gateway, share of direct' is not in its \"Goals missed\" table with a cause")),
                problems.toString());
    }

    @Test
    void figuresWrittenByHandOutsideTheBlocksAreFoundButHistoryIsKept(@TempDir Path root) throws IOException {
        BenchDocs.Results results = BenchDocs.parse(sampleResults(root));
        String text = """
                # Intelligence

                Search is fast: 33.8 ms at p95.
                Ingest reached 1,812 reports/s.
                The gateway adds +0.5 ms (goal <= 1 ms: met).
                A figure with no goal of its own, or another one: 34.8 ms, 133.8 ms, 1812 reportsx.

                ## History (29 Nov 2026, commit b929a62)

                Search p95 33.8 ms then (goal < 100 ms: not met).

                ## Configuration

                Ingest 1812 reports/s.
                """;

        List<String> problems = BenchDocs.handWritten("docs/a.md", text, BenchDocs.Latest.of(results));

        assertEquals(4, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("docs/a.md:3: '33.8 ms' is a figure of the latest bench results"));
        assertTrue(problems.get(1).startsWith("docs/a.md:4: '1,812 reports/s'"));
        assertTrue(problems.get(2).startsWith("docs/a.md:5: a verdict against a goal written by hand"));
        assertTrue(problems.get(3).startsWith("docs/a.md:14: '1812 reports/s'"));
    }

    @Test
    void aOneDigitCountIsNotTakenForAFigureButEveryMeasuredValueIs() {
        assertFalse(BenchDocs.quotable("0"), "0 lost: every 0 of the prose would match");
        assertFalse(BenchDocs.quotable("1"));
        assertTrue(BenchDocs.quotable("12"));
        assertTrue(BenchDocs.quotable("0.976"));
        assertTrue(BenchDocs.quotable("100 /s"));
        assertTrue(BenchDocs.quotable("1 ms"));
        assertFalse(BenchDocs.quotable("—"));
    }

    @Test
    void misplacedMarkersAreRefused() {
        assertThrows(IllegalStateException.class,
                () -> BenchDocs.blocks("<!-- bench:begin nonsense -->\n<!-- bench:end -->\n", "a.md"));
        assertThrows(IllegalStateException.class, () -> BenchDocs.blocks("<!-- bench:begin gateway -->\n", "a.md"));
        assertThrows(IllegalStateException.class, () -> BenchDocs.blocks("<!-- bench:end -->\n", "a.md"));
        assertThrows(IllegalStateException.class, () -> BenchDocs.blocks(
                "<!-- bench:begin gateway -->\n<!-- bench:begin console -->\n<!-- bench:end -->\n", "a.md"));
        assertThrows(IllegalStateException.class, () -> BenchDocs.blocks("<!-- bench:begin Gateway -->\n", "a.md"));
        assertEquals(List.of("gateway", "console"), BenchDocs.blocks(String.join("\n", Arrays.asList(
                "<!-- bench:begin gateway -->", "x", "<!-- bench:end -->", "<!-- bench:begin console -->",
                "<!-- bench:end -->")), "a.md").stream().map(BenchDocs.Block::name).toList());
    }

    private static Path sampleResults(Path root) throws IOException {
        Path results = root.resolve("bench/results/2026-12-05-abc1234.md");
        Files.createDirectories(results.getParent());
        Files.writeString(results, RESULTS);
        return results;
    }

    /** A repository with the sample results file and one docs file, {@code docs/a.md}. */
    private static Path repository(Path root, String doc) throws IOException {
        sampleResults(root);
        Path file = root.resolve("docs/a.md");
        Files.createDirectories(file.getParent());
        Files.writeString(file, doc);
        return file;
    }
}
