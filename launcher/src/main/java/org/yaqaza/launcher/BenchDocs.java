package org.yaqaza.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The performance figures of {@code docs/} come from the latest bench results file, never from a hand: every
 * docs file that shows figures carries marked blocks ({@code <!-- bench:begin intelligence -->} …
 * {@code <!-- bench:end -->}) whose content this class writes from {@code bench/results/<date>-<commit>.md} (the
 * latest by date, then time of the run, then file name; {@code *-small.md} runs are checks of the runner and never
 * shown). {@code bench/docs.sh} runs it, {@code bench/all.sh} after writing a results file, and
 * {@code BenchDocsTest} fails the build when a block differs from what it would write.
 *
 * <p>Uses nothing but the JDK, so {@code java BenchDocs.java} runs it without a build.
 */
public final class BenchDocs {

    /** The benches of {@code bench/all.sh} (its {@code ORDER}); a block names one of them or {@link #SUMMARY}. */
    static final List<String> BENCHES = List.of("startup", "gateway", "liaison", "prevention", "intelligence",
            "screening", "screening-eval", "linking-eval", "console", "writes", "soak");
    /** The block that sums up the whole run (per bench: goals met and missed; every missed goal with its cause). */
    static final String SUMMARY = "summary";
    static final String NOT_INVESTIGATED = "not investigated";
    static final String END = "<!-- bench:end -->";
    static final String REGENERATE = "run `bench/docs.sh` (it rewrites every block from the latest results file)"
            + " and commit docs/";

    private static final Pattern BEGIN = Pattern.compile("^<!-- bench:begin ([a-z-]+) -->$");
    private static final Pattern HEADING = Pattern.compile(
            "^# Bench results (\\d{4}-\\d{2}-\\d{2}) (\\d{2}:\\d{2}) UTC, commit (\\S+?)( \\(with uncommitted changes\\))?$");
    private static final Pattern FILE_NAME = Pattern.compile("^(\\d{4}-\\d{2}-\\d{2})-.+\\.md$");
    private static final Pattern COMMAND = Pattern.compile("^`([^`]*)` — (.*)$");
    /** A figure's verdict against a goal written out, e.g. {@code goal >= 75 %: not met} or {@code (goal < 50 ms: met}. */
    private static final Pattern VERDICT = Pattern.compile(
            "goal\\s*(<=|>=|<|>|≤|≥)\\s*[0-9][0-9.,]*[^:;()\\n]{0,30}:\\s*(met|missed|not met)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern MARKDOWN_HEADING = Pattern.compile("^(#{1,6})\\s+(.*)$");

    private BenchDocs() {
    }

    /** One row of a bench's table: {@code | bench | figure | value | goal | verdict | load average |}. */
    record Row(String bench, String figure, String value, String goal, String verdict, String load) {

        boolean hasGoal() {
            return !goal.equals("—");
        }

        boolean missed() {
            return verdict.contains("missed");
        }
    }

    /** One bench of a run: its command, what the runner said of its end ({@code 281 s, exit status 1 …}). */
    record Section(String bench, String command, String outcome, List<Row> rows) {
    }

    /** A parsed results file. {@code causes} maps {@code bench + " | " + figure} to the cause of a missed goal. */
    record Results(Path file, String date, String time, String commit, boolean dirty, String machine,
            Map<String, Section> sections, Map<String, String> causes) {

        String cause(Row row) {
            String cause = causes.get(row.bench() + " | " + row.figure());
            return cause == null || cause.isBlank() ? NOT_INVESTIGATED : cause;
        }

        List<Row> missed() {
            return sections.values().stream().flatMap(s -> s.rows().stream()).filter(Row::missed).toList();
        }
    }

    /**
     * The results files, newest first, seen per bench: a bench's figures come from the newest file that ran it,
     * so that a run of one bench ({@code BENCHES=screening-eval bench/all.sh}) refreshes its own block and leaves
     * the others on the run that measured them.
     */
    record Latest(List<Results> newestFirst) {

        static Latest of(Results... newestFirst) {
            return new Latest(List.of(newestFirst));
        }

        /** The newest file that ran {@code bench}, else the newest file (whose block then says "not run"). */
        Results of(String bench) {
            return newestFirst.stream().filter(r -> r.sections().containsKey(bench)).findFirst()
                    .orElse(newestFirst.get(0));
        }

        /** Each bench that any file ran, with its newest section, in the runner's order. */
        Map<String, Results> ran() {
            Map<String, Results> ran = new LinkedHashMap<>();
            for (String bench : BENCHES) {
                newestFirst.stream().filter(r -> r.sections().containsKey(bench)).findFirst()
                        .ifPresent(r -> ran.put(bench, r));
            }
            return ran;
        }

        Results newest() {
            return newestFirst.get(0);
        }
    }

    /** A marked block in a docs file: its name, the line of its begin marker (1-based) and its current content. */
    record Block(String name, int line, String content) {
    }

    public static void main(String[] args) throws IOException {
        boolean check = false;
        Path root = Path.of(".");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--check" -> check = true;
                case "--root" -> root = Path.of(args[++i]);
                default -> {
                    System.err.println("usage: BenchDocs [--check] [--root REPOSITORY]");
                    System.exit(2);
                }
            }
        }
        root = root.toAbsolutePath().normalize();
        if (check) {
            List<String> problems = problems(root);
            problems.forEach(System.err::println);
            System.exit(problems.isEmpty() ? 0 : 1);
        }
        Optional<Latest> latest = read(root.resolve("bench/results"));
        if (latest.isEmpty()) {
            System.err.println("no results file under bench/results/ (bench/all.sh writes one)");
            System.exit(1);
        }
        Latest results = latest.get();
        for (Map.Entry<String, Results> ran : results.ran().entrySet()) {
            System.out.println("bench docs: " + ran.getKey() + " from "
                    + root.relativize(ran.getValue().file().toAbsolutePath().normalize()));
        }
        for (Path doc : docsFiles(root)) {
            String text = Files.readString(doc, StandardCharsets.UTF_8);
            String refreshed = refresh(text, results, root, doc);
            if (!refreshed.equals(text)) {
                Files.writeString(doc, refreshed, StandardCharsets.UTF_8);
                System.out.println("  refreshed " + root.relativize(doc));
            }
        }
    }

    // ---- the latest results file

    /** The latest results file: by the date in its name, then the time in its heading, then its name. */
    static Optional<Path> latest(Path resultsDirectory) throws IOException {
        List<Path> files = newestFirst(resultsDirectory);
        return files.isEmpty() ? Optional.empty() : Optional.of(files.get(0));
    }

    /** Every results file but the {@code *-small.md} checks of the runner, newest first (as {@link #latest}). */
    static List<Path> newestFirst(Path resultsDirectory) throws IOException {
        if (!Files.isDirectory(resultsDirectory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(resultsDirectory)) {
            return files.filter(p -> FILE_NAME.matcher(p.getFileName().toString()).matches())
                    .filter(p -> !p.getFileName().toString().endsWith("-small.md"))
                    .sorted(Comparator.comparing((Path p) -> dateOf(p)).thenComparing(BenchDocs::timeOf)
                            .thenComparing(p -> p.getFileName().toString()).reversed())
                    .toList();
        }
    }

    /** Every results file, parsed, newest first; empty when there is none. */
    static Optional<Latest> read(Path resultsDirectory) throws IOException {
        List<Results> parsed = new ArrayList<>();
        for (Path file : newestFirst(resultsDirectory)) {
            parsed.add(parse(file));
        }
        return parsed.isEmpty() ? Optional.empty() : Optional.of(new Latest(parsed));
    }

    private static String dateOf(Path file) {
        Matcher m = FILE_NAME.matcher(file.getFileName().toString());
        return m.matches() ? m.group(1) : "";
    }

    private static String timeOf(Path file) {
        try (Stream<String> lines = Files.lines(file, StandardCharsets.UTF_8)) {
            return lines.findFirst().map(HEADING::matcher).filter(Matcher::matches).map(m -> m.group(2)).orElse("");
        } catch (IOException | UncheckedIOException e) {
            return "";
        }
    }

    /** Reads a file as {@code bench/all.sh} writes it (and as people add causes to its "Goals missed" table). */
    static Results parse(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        Matcher heading = lines.isEmpty() ? null : HEADING.matcher(lines.get(0));
        if (heading == null || !heading.matches()) {
            throw new IllegalArgumentException(file + ": the first line is not `# Bench results <date> <time> UTC,"
                    + " commit <commit>`");
        }
        String machine = lines.stream().filter(l -> l.startsWith("Machine: ")).findFirst().orElse("");
        Map<String, Section> sections = new LinkedHashMap<>();
        Map<String, String> causes = new LinkedHashMap<>();
        String current = null;
        String command = "";
        String outcome = "";
        List<Row> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            if (line.startsWith("## ")) {
                if (current != null && !current.equals("Goals missed")) {
                    sections.put(current, new Section(current, command, outcome, List.copyOf(rows)));
                }
                current = line.substring(3).trim();
                command = "";
                outcome = "";
                rows.clear();
                continue;
            }
            if (current == null) {
                continue;
            }
            Matcher c = COMMAND.matcher(line);
            if (c.matches() && command.isEmpty()) {
                command = c.group(1).trim();
                outcome = c.group(2).trim();
                continue;
            }
            List<String> cells = cells(line);
            if (cells.size() < 6 || cells.get(0).equals("bench") || cells.get(0).startsWith("---")) {
                continue;
            }
            if (current.equals("Goals missed")) {
                causes.put(cells.get(0) + " | " + cells.get(1), cells.get(5));
            } else {
                rows.add(new Row(cells.get(0), cells.get(1), cells.get(2), cells.get(3), cells.get(4), cells.get(5)));
            }
        }
        if (current != null && !current.equals("Goals missed")) {
            sections.put(current, new Section(current, command, outcome, List.copyOf(rows)));
        }
        return new Results(file, heading.group(1), heading.group(2), heading.group(3), heading.group(4) != null,
                machine, sections, causes);
    }

    private static List<String> cells(String line) {
        String trimmed = line.trim();
        if (!trimmed.startsWith("|") || !trimmed.endsWith("|") || trimmed.length() < 2) {
            return List.of();
        }
        List<String> cells = new ArrayList<>();
        for (String cell : trimmed.substring(1, trimmed.length() - 1).split("\\|", -1)) {
            cells.add(cell.trim());
        }
        return cells;
    }

    // ---- the blocks

    /** What goes between the markers of block {@code name} in {@code doc} (a link to the results file from there). */
    static String block(Latest latest, String name, Path root, Path doc) {
        // a blank line before the end marker, so that no Markdown renderer reads the marker into a table
        return (name.equals(SUMMARY) ? summary(latest, root, doc) : body(latest.of(name), name, root, doc)) + "\n";
    }

    private static String body(Results results, String name, Path root, Path doc) {
        Path resultsFile = results.file().toAbsolutePath().normalize();
        String shown = root.relativize(resultsFile).toString().replace('\\', '/');
        String link = doc.toAbsolutePath().normalize().getParent().relativize(resultsFile).toString().replace('\\', '/');
        String run = results.date() + " " + results.time() + " UTC, commit " + results.commit()
                + (results.dirty() ? " (with uncommitted changes)" : "");
        StringBuilder out = new StringBuilder();
        out.append("<!-- generated by bench/docs.sh from ").append(shown)
                .append(": edit causes in that file, not here -->\n");
        Section section = results.sections().get(name);
        if (section == null) {
            out.append("Latest results ([`").append(shown).append("`](").append(link).append("), ").append(run)
                    .append("): `").append(name)
                    .append("` was not run in it (a full `bench/all.sh` run includes it).\n");
            return out.toString();
        }
        out.append("Latest results ([`").append(shown).append("`](").append(link).append(")): `")
                .append(section.command()).append("`, ").append(run).append(" — ").append(section.outcome())
                .append(".\n");
        if (section.rows().isEmpty()) {
            out.append("\nIt printed no figure (the results file has the end of its log).\n");
            return out.toString();
        }
        out.append("\n| figure | value | goal | verdict | cause | load average |\n");
        out.append("|---|---|---|---|---|---|\n");
        for (Row row : section.rows()) {
            out.append("| ").append(row.figure()).append(" | ").append(row.value()).append(" | ").append(row.goal())
                    .append(" | ").append(row.verdict()).append(" | ")
                    .append(row.missed() ? results.cause(row) : "—").append(" | ").append(row.load())
                    .append(" |\n");
        }
        return out.toString();
    }

    /** Every bench with the newest run of it (file, commit), its goals, and every goal missed with its cause. */
    private static String summary(Latest latest, Path root, Path doc) {
        StringBuilder out = new StringBuilder();
        out.append("<!-- generated by bench/docs.sh from bench/results/: edit causes in those files, not here -->\n");
        Map<String, Results> ran = latest.ran();
        out.append("The newest run of each bench (`bench/results/`, newest file that ran it). ")
                .append(latest.newest().machine()).append("\n");
        if (!ran.isEmpty()) {
            out.append("\n| bench | results file | command | goals | met | missed | outcome |\n");
            out.append("|---|---|---|---|---|---|---|\n");
        }
        List<Row> missed = new ArrayList<>();
        ran.forEach((bench, results) -> {
            Section s = results.sections().get(bench);
            long goals = s.rows().stream().filter(Row::hasGoal).count();
            long misses = s.rows().stream().filter(Row::missed).count();
            out.append("| ").append(bench).append(" | ").append(fileLink(results, root, doc)).append(" | `")
                    .append(s.command()).append("` | ").append(goals).append(" | ").append(goals - misses)
                    .append(" | ").append(misses).append(" | ").append(s.outcome()).append(" |\n");
            s.rows().stream().filter(Row::missed).forEach(missed::add);
        });
        List<String> notRun = BENCHES.stream().filter(b -> !ran.containsKey(b)).toList();
        if (!notRun.isEmpty()) {
            out.append("\nNot run: ").append(String.join(", ", notRun)).append(".\n");
        }
        out.append("\nGoals missed: ").append(missed.isEmpty() ? "none." : missed.size() + ".").append("\n");
        if (!missed.isEmpty()) {
            out.append("\n| bench | figure | value | goal | verdict | cause |\n");
            out.append("|---|---|---|---|---|---|\n");
            for (Row row : missed) {
                out.append("| ").append(row.bench()).append(" | ").append(row.figure()).append(" | ")
                        .append(row.value()).append(" | ").append(row.goal()).append(" | ").append(row.verdict())
                        .append(" | ").append(latest.of(row.bench()).cause(row)).append(" |\n");
            }
        }
        return out.toString();
    }

    private static String fileLink(Results results, Path root, Path doc) {
        Path file = results.file().toAbsolutePath().normalize();
        return "[`" + root.relativize(file).toString().replace('\\', '/') + "`]("
                + doc.toAbsolutePath().normalize().getParent().relativize(file).toString().replace('\\', '/')
                + "), commit " + results.commit() + (results.dirty() ? " (with uncommitted changes)" : "");
    }

    /** The blocks of a docs file; a marker out of place (unknown name, nested, unclosed) is an error. */
    static List<Block> blocks(String text, String where) {
        List<Block> blocks = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        String open = null;
        int openLine = 0;
        StringBuilder content = new StringBuilder();
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            Matcher begin = BEGIN.matcher(line.trim());
            if (begin.matches()) {
                if (open != null) {
                    throw new IllegalStateException(where + ":" + (i + 1) + ": block '" + begin.group(1)
                            + "' begins inside block '" + open + "' (line " + openLine + ")");
                }
                String name = begin.group(1);
                if (!name.equals(SUMMARY) && !BENCHES.contains(name)) {
                    throw new IllegalStateException(where + ":" + (i + 1) + ": unknown block '" + name
                            + "' (a bench of bench/all.sh or 'summary')");
                }
                open = name;
                openLine = i + 1;
                content.setLength(0);
            } else if (line.trim().equals(END)) {
                if (open == null) {
                    throw new IllegalStateException(where + ":" + (i + 1) + ": " + END + " without a begin marker");
                }
                blocks.add(new Block(open, openLine, content.toString()));
                open = null;
            } else if (line.trim().startsWith("<!-- bench:")) {
                throw new IllegalStateException(where + ":" + (i + 1) + ": malformed marker: " + line.trim());
            } else if (open != null) {
                content.append(line).append('\n');
            }
        }
        if (open != null) {
            throw new IllegalStateException(where + ":" + openLine + ": block '" + open + "' has no " + END);
        }
        return blocks;
    }

    /** {@code text} with every block's content written anew from {@code results}. */
    static String refresh(String text, Latest results, Path root, Path doc) {
        String where = root.relativize(doc.toAbsolutePath().normalize()).toString();
        blocks(text, where); // refuses misplaced markers before anything is written
        String[] lines = text.split("\n", -1);
        StringBuilder out = new StringBuilder();
        boolean inside = false;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            Matcher begin = BEGIN.matcher(line.trim());
            if (begin.matches()) {
                out.append(line).append('\n').append(block(results, begin.group(1), root, doc));
                inside = true;
            } else if (line.trim().equals(END)) {
                inside = false;
                out.append(line);
                if (i < lines.length - 1) {
                    out.append('\n');
                }
            } else if (!inside) {
                out.append(line);
                if (i < lines.length - 1) {
                    out.append('\n');
                }
            }
        }
        return out.toString();
    }

    static List<Path> docsFiles(Path root) throws IOException {
        Path docs = root.resolve("docs");
        if (!Files.isDirectory(docs)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(docs)) {
            return files.filter(p -> p.toString().endsWith(".md")).sorted().toList();
        }
    }

    // ---- the checks of BenchDocsTest (and of `bench/docs.sh --check`)

    /**
     * Everything that makes {@code docs/} disagree with the latest results file: a block whose content differs
     * from what {@link #refresh} would write, a bench of the run that no block shows, a missed goal the results
     * file does not list with a cause, and a figure of the run written by hand outside the blocks (see
     * {@link #handWritten}).
     */
    static List<String> problems(Path root) throws IOException {
        root = root.toAbsolutePath().normalize();
        List<String> problems = new ArrayList<>();
        Optional<Latest> latest = read(root.resolve("bench/results"));
        if (latest.isEmpty()) {
            return problems; // nothing measured yet, nothing to show
        }
        Latest results = latest.get();
        Path finalRoot = root;
        results.ran().forEach((bench, r) -> {
            for (Row row : r.sections().get(bench).rows()) {
                if (row.missed() && !r.causes().containsKey(row.bench() + " | " + row.figure())) {
                    problems.add(finalRoot.relativize(r.file().toAbsolutePath().normalize()) + ": the missed goal '"
                            + row.bench() + " " + row.figure() + "' is not in its \"Goals missed\" table with a"
                            + " cause (write '" + NOT_INVESTIGATED + "' until one is found)");
                }
            }
        });
        List<String> shown = new ArrayList<>();
        for (Path doc : docsFiles(root)) {
            String where = root.relativize(doc).toString();
            String text = Files.readString(doc, StandardCharsets.UTF_8);
            List<Block> current;
            try {
                current = blocks(text, where);
            } catch (IllegalStateException e) {
                problems.add(e.getMessage());
                continue;
            }
            for (Block b : current) {
                shown.add(b.name());
                String expected = block(results, b.name(), root, doc);
                if (!expected.equals(b.content())) {
                    problems.add(where + ":" + b.line() + ": block '" + b.name() + "' differs from what "
                            + (b.name().equals(SUMMARY) ? "bench/results/" : root.relativize(
                                    results.of(b.name()).file().toAbsolutePath().normalize()))
                            + " gives; " + REGENERATE);
                }
            }
            problems.addAll(handWritten(where, text, results));
        }
        for (Map.Entry<String, Results> ran : results.ran().entrySet()) {
            String bench = ran.getKey();
            if (!shown.contains(bench)) {
                problems.add("no docs file has a block for bench '" + bench + "' of "
                        + root.relativize(ran.getValue().file().toAbsolutePath().normalize())
                        + "; add `<!-- bench:begin " + bench + " -->` / `" + END + "` where its figures belong and "
                        + REGENERATE);
            }
        }
        return problems;
    }

    /**
     * Figures written by hand where the blocks should be: outside the blocks and outside a section whose heading
     * starts with "History" (dated notes kept with their commit), a line may neither state a verdict against a
     * goal ({@code goal < 50 ms: met}) nor quote a goal figure of the latest run ({@code 33.8 ms}) — both go
     * stale with the next run.
     */
    static List<String> handWritten(String where, String text, Latest results) {
        List<Pattern> figures = new ArrayList<>();
        results.ran().forEach((bench, r) -> {
            for (Row row : r.sections().get(bench).rows()) {
                if (row.hasGoal() && quotable(row.value())) {
                    figures.add(valuePattern(row.value()));
                }
            }
        });
        List<String> problems = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        boolean inside = false;
        int historyLevel = 0; // heading level of the History section we are in, 0 when none
        boolean fenced = false;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            String trimmed = line.trim();
            if (trimmed.startsWith("```")) {
                fenced = !fenced;
            }
            if (BEGIN.matcher(trimmed).matches()) {
                inside = true;
                continue;
            }
            if (trimmed.equals(END)) {
                inside = false;
                continue;
            }
            Matcher heading = fenced ? null : MARKDOWN_HEADING.matcher(line);
            if (heading != null && heading.matches()) {
                int level = heading.group(1).length();
                if (historyLevel > 0 && level <= historyLevel) {
                    historyLevel = 0;
                }
                if (historyLevel == 0 && heading.group(2).startsWith("History")) {
                    historyLevel = level;
                }
                continue;
            }
            if (inside || historyLevel > 0) {
                continue;
            }
            Matcher verdict = VERDICT.matcher(line);
            if (verdict.find()) {
                problems.add(where + ":" + (i + 1) + ": a verdict against a goal written by hand ('"
                        + verdict.group() + "'): show the figure in a generated block, or move the note under a"
                        + " \"History\" heading with its date and commit");
                continue;
            }
            for (Pattern figure : figures) {
                Matcher m = figure.matcher(line);
                if (m.find()) {
                    problems.add(where + ":" + (i + 1) + ": '" + m.group() + "' is a figure of the"
                            + " latest bench results copied by hand: refer to the generated block instead,"
                            + " or move the note under a \"History\" heading with its date and commit");
                    break;
                }
            }
        }
        return problems;
    }

    /** {@code 1812 reports/s} as written in a results file, also matching {@code 1,812 reports/s}. */
    /**
     * Whether a goal figure could be quoted by hand: a number, but not a bare one-digit count (a correctness check's
     * 0 lost or 1 chain valid), which would match every 0 and 1 of the prose.
     */
    static boolean quotable(String value) {
        return !value.isEmpty() && Character.isDigit(value.charAt(0)) && !value.matches("[0-9]");
    }

    static Pattern valuePattern(String value) {
        int space = value.indexOf(' ');
        String number = space < 0 ? value : value.substring(0, space);
        String unit = space < 0 ? "" : value.substring(space + 1);
        String grouped = group(number);
        String numbers = grouped.equals(number) ? Pattern.quote(number)
                : "(?:" + Pattern.quote(number) + "|" + Pattern.quote(grouped) + ")";
        return Pattern.compile("(?<![0-9.,])" + numbers + (unit.isEmpty() ? "(?![0-9])"
                : "\\s?" + Pattern.quote(unit) + "(?![\\p{L}0-9])"));
    }

    private static String group(String number) {
        int dot = number.indexOf('.');
        String whole = dot < 0 ? number : number.substring(0, dot);
        if (!whole.matches("[0-9]{4,}")) {
            return number;
        }
        StringBuilder grouped = new StringBuilder();
        for (int i = 0; i < whole.length(); i++) {
            if (i > 0 && (whole.length() - i) % 3 == 0) {
                grouped.append(',');
            }
            grouped.append(whole.charAt(i));
        }
        return grouped + (dot < 0 ? "" : number.substring(dot));
    }
}
