package org.yaqaza.launcher;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The figures a benchmark found, each printed beside its goal and the machine's load at that moment, then summed
 * up: the bench's exit status is 1 when a goal was missed, so that a runner of several benches (which goes on
 * anyway) and a reader of the log both see it. Shared by every bench harness (they all have the launcher on their
 * class path). When {@code YAQAZA_BENCH_RESULTS} names a file, each figure is also appended to it as a Markdown
 * table row ({@code bench/all.sh} collects them into the run's results file).
 */
public final class BenchGoals {

    /** How a figure is compared with its goal. */
    public enum Comparison {
        BELOW("<"), AT_MOST("<="), AT_LEAST(">="), NONE("");

        private final String symbol;

        Comparison(String symbol) {
            this.symbol = symbol;
        }

        boolean holds(double value, double goal) {
            return switch (this) {
                case BELOW -> value < goal;
                case AT_MOST -> value <= goal;
                case AT_LEAST -> value >= goal;
                case NONE -> true;
            };
        }
    }

    /** One figure of a run; {@code load} is the load average when it was taken. */
    public record Figure(String bench, String name, double value, String unit, Comparison comparison, double goal,
            String load) {

        public boolean met() {
            return !Double.isNaN(value) && comparison.holds(value, goal);
        }

        /**
         * {@code search p95 at 100000 reports: 38.2 ms (goal < 50 ms: met, 0.764 of the goal; load 0.52 0.40 0.33 on
         * 2 cores)}: the ratio to the goal shows the margin (above 1 for a ceiling missed, below 1 for a floor missed);
         * none for a goal of 0.
         */
        public String line() {
            String verdict = comparison == Comparison.NONE ? ""
                    : "goal " + comparison.symbol + " " + number(goal) + unitSuffix() + ": "
                            + (met() ? "met" : "MISSED") + ratio() + "; ";
            return name + ": " + number(value) + unitSuffix() + " (" + verdict + "load " + load + ")";
        }

        private String ratio() {
            return goal == 0 || Double.isNaN(value) ? "" : ", " + number(value / goal) + " of the goal";
        }

        String tableRow() {
            String goalCell = comparison == Comparison.NONE ? "—"
                    : comparison.symbol + " " + number(goal) + unitSuffix();
            String verdict = comparison == Comparison.NONE ? "—" : met() ? "met" : "**missed**";
            return "| " + bench + " | " + name + " | " + number(value) + unitSuffix() + " | " + goalCell + " | "
                    + verdict + " | " + load + " |";
        }

        private String unitSuffix() {
            return unit.isEmpty() ? "" : " " + unit;
        }
    }

    private final String bench;
    private final Path results;
    private final List<Figure> figures = new ArrayList<>();

    /** A bench's figures; each is also appended to the file {@code YAQAZA_BENCH_RESULTS} names, if set. */
    public BenchGoals(String bench) {
        this(bench, resultsFile(System.getenv("YAQAZA_BENCH_RESULTS")));
    }

    BenchGoals(String bench, Path results) {
        this.bench = bench;
        this.results = results;
    }

    private static Path resultsFile(String setting) {
        return setting == null || setting.isBlank() ? null : Path.of(setting);
    }

    /** Records and prints a figure that must stay under {@code goal}. */
    public Figure below(String name, double value, String unit, double goal) {
        return add(name, value, unit, Comparison.BELOW, goal);
    }

    /** Records and prints a figure that may reach {@code goal} but not exceed it. */
    public Figure atMost(String name, double value, String unit, double goal) {
        return add(name, value, unit, Comparison.AT_MOST, goal);
    }

    /** Records and prints a figure that must reach {@code goal}. */
    public Figure atLeast(String name, double value, String unit, double goal) {
        return add(name, value, unit, Comparison.AT_LEAST, goal);
    }

    /** Records and prints a figure that has no goal of its own (a limit, a growth factor, a count). */
    public Figure info(String name, double value, String unit) {
        return add(name, value, unit, Comparison.NONE, Double.NaN);
    }

    public List<Figure> figures() {
        return List.copyOf(figures);
    }

    public List<Figure> missed() {
        return figures.stream().filter(f -> !f.met()).toList();
    }

    /**
     * Prints the summary (every goal, then the missed ones) and returns the exit status the bench should end
     * with: 0 when every goal was met, 1 otherwise.
     */
    public int finish() {
        List<Figure> missed = missed();
        System.out.println();
        System.out.println("== " + bench + ": " + figures.stream().filter(f -> f.comparison != Comparison.NONE).count()
                + " goals, " + missed.size() + " missed");
        for (Figure f : missed) {
            System.out.println("   MISSED  " + f.line());
        }
        return missed.isEmpty() ? 0 : 1;
    }

    private Figure add(String name, double value, String unit, Comparison comparison, double goal) {
        Figure figure = new Figure(bench, name, value, unit, comparison, goal, load());
        figures.add(figure);
        System.out.println(figure.line());
        appendToResults(figure);
        return figure;
    }

    private void appendToResults(Figure figure) {
        if (results == null) {
            return;
        }
        try {
            Files.writeString(results, figure.tableRow() + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            System.err.println("cannot append to " + results + ": " + e.getMessage());
        }
    }

    /** The load average as {@code 0.52 0.40 0.33 on 2 cores}: figures on a shared machine mean little without it. */
    public static String load() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return f[0] + " " + f[1] + " " + f[2] + " on " + Runtime.getRuntime().availableProcessors() + " cores";
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    static String number(double value) {
        if (Double.isNaN(value)) {
            return "n/a";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "∞" : "-∞";
        }
        double abs = Math.abs(value);
        // three significant figures at most, whole numbers as such
        String pattern = abs >= 100 || value == Math.rint(value) ? "%.0f"
                : abs >= 10 ? "%.1f" : abs >= 1 ? "%.2f" : "%.3f";
        return String.format(Locale.ROOT, pattern, value);
    }
}
