package org.yaqaza.systemtest.security;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The write-side attack table ({@code write-matrix.csv}): one row per mutating operation, the record the attempts
 * are made on, and one cell per attempt saying what must happen ({@code refuse}, {@code 400}, {@code request},
 * {@code n/a}). The file's header comment explains the cells; {@code docs/security-model.md} how to add a row.
 */
final class WriteMatrix {

    static final String RESOURCE = "/write-matrix.csv";

    static final Set<String> MUTATING = Set.of("POST", "PUT", "PATCH", "DELETE");

    /** The attempts, in the table's column order. */
    enum Attempt {
        CLASSIFICATION("classification"), COMPARTMENT("compartment"), SHARED_WITH("sharedWith"), OWNER("owner"),
        PROVENANCE("provenance");

        final String column;

        Attempt(String column) {
            this.column = column;
        }
    }

    enum Cell {
        REFUSE, BAD_REQUEST, REQUEST, NOT_APPLICABLE;

        static Cell parse(String text) {
            return switch (text) {
                case "refuse" -> REFUSE;
                case "400" -> BAD_REQUEST;
                case "request" -> REQUEST;
                case "n/a" -> NOT_APPLICABLE;
                default -> throw new IllegalArgumentException("bad cell " + text);
            };
        }
    }

    record Row(int line, String service, String method, String path, String target, Map<Attempt, Cell> cells,
            String note) {

        String key() {
            return service + " " + method + " " + path;
        }

        /** The records the row's attempts are made on ({@code a|b}: each of them). */
        List<String> targets() {
            return List.of(target.split("\\|"));
        }

        boolean attacked() {
            return cells.values().stream().anyMatch(c -> c != Cell.NOT_APPLICABLE);
        }
    }

    private final Map<String, Row> rows = new LinkedHashMap<>();

    static WriteMatrix load() {
        WriteMatrix matrix = new WriteMatrix();
        int columns = 5 + Attempt.values().length;
        boolean header = true;
        for (TableLines.Line line : TableLines.read(RESOURCE)) {
            int number = line.number();
            // the note is the last column and may itself contain commas
            String[] cells = line.text().split(",", columns);
            if (cells.length != columns) {
                throw new IllegalStateException(RESOURCE + " line " + number + ": expected " + columns
                        + " cells, found " + cells.length);
            }
            if (header) {
                for (Attempt attempt : Attempt.values()) {
                    if (!cells[4 + attempt.ordinal()].trim().equals(attempt.column)) {
                        throw new IllegalStateException(RESOURCE + " header: column " + (5 + attempt.ordinal())
                                + " must be " + attempt.column);
                    }
                }
                header = false;
                continue;
            }
            Map<Attempt, Cell> expected = new LinkedHashMap<>();
            for (Attempt attempt : Attempt.values()) {
                try {
                    expected.put(attempt, Cell.parse(cells[4 + attempt.ordinal()].trim()));
                } catch (IllegalArgumentException e) {
                    throw new IllegalStateException(RESOURCE + " line " + number + ": " + e.getMessage(), e);
                }
            }
            Row row = new Row(number, cells[0].trim(), cells[1].trim(), cells[2].trim(), cells[3].trim(), expected,
                    cells[columns - 1].trim());
            validate(row);
            if (matrix.rows.put(row.key(), row) != null) {
                throw new IllegalStateException(RESOURCE + " line " + number + ": " + row.key() + " twice");
            }
        }
        return matrix;
    }

    /** A row either names its target and attacks it, or says in its note why nothing applies. */
    private static void validate(Row row) {
        String where = RESOURCE + " line " + row.line() + " (" + row.key() + "): ";
        if (!MUTATING.contains(row.method())) {
            throw new IllegalStateException(where + "only mutating operations belong here");
        }
        if (row.attacked() == row.target().equals("-")) {
            throw new IllegalStateException(where + "a row attacks a target, or has target - and only n/a cells");
        }
        if (!row.attacked() && !row.note().startsWith("n/a:")) {
            throw new IllegalStateException(where + "a row without attempts says why, in a note starting n/a:");
        }
    }

    Map<String, Row> rows() {
        return rows;
    }

    List<Row> attacked() {
        return rows.values().stream().filter(Row::attacked).toList();
    }
}
