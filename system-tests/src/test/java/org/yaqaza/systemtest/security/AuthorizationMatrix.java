package org.yaqaza.systemtest.security;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The declarative authorization table ({@code authorization-matrix.csv}): one row per operation, one column per
 * caller ({@code role/clearance}), each cell the expected answer:
 * <ul>
 * <li>{@code ok}: let through — anything but 401/403 (2xx, or a 4xx about the input such as 400/404/409/422);</li>
 * <li>a status ({@code 401}, {@code 403}, …): exactly that status.</li>
 * </ul>
 * A 5xx is never expected. Lines starting with {@code #} are comments; the last column is a free note.
 */
final class AuthorizationMatrix {

    static final String RESOURCE = "/authorization-matrix.csv";

    record Row(int line, String service, String method, String path, Map<String, String> expected, String note) {

        String key() {
            return service + " " + method + " " + path;
        }
    }

    private final List<String> callers = new ArrayList<>();
    private final Map<String, String> clearances = new LinkedHashMap<>();
    private final Map<String, Row> rows = new LinkedHashMap<>();

    static AuthorizationMatrix load() {
        AuthorizationMatrix matrix = new AuthorizationMatrix();
        boolean header = true;
        for (TableLines.Line line : TableLines.read(RESOURCE)) {
            int number = line.number();
            String[] cells = line.text().split(",", -1);
            if (header) {
                for (int i = 3; i < cells.length - 1; i++) {
                    String[] roleAndClearance = cells[i].trim().split("/");
                    matrix.callers.add(roleAndClearance[0]);
                    matrix.clearances.put(roleAndClearance[0], roleAndClearance[1]);
                }
                header = false;
                continue;
            }
            if (cells.length != matrix.callers.size() + 4) {
                throw new IllegalStateException(RESOURCE + " line " + number + ": expected "
                        + (matrix.callers.size() + 4) + " cells, found " + cells.length);
            }
            Map<String, String> expected = new LinkedHashMap<>();
            for (int i = 0; i < matrix.callers.size(); i++) {
                String cell = cells[3 + i].trim();
                if (!cell.equals("ok") && !cell.matches("[1-5][0-9][0-9]")) {
                    throw new IllegalStateException(RESOURCE + " line " + number + ": bad cell " + cell);
                }
                expected.put(matrix.callers.get(i), cell);
            }
            Row row = new Row(number, cells[0].trim(), cells[1].trim(), cells[2].trim(), expected,
                    cells[cells.length - 1].trim());
            if (matrix.rows.put(row.key(), row) != null) {
                throw new IllegalStateException(RESOURCE + " line " + number + ": " + row.key() + " twice");
            }
        }
        return matrix;
    }

    List<String> callers() {
        return callers;
    }

    String clearance(String caller) {
        return clearances.get(caller);
    }

    Map<String, Row> rows() {
        return rows;
    }

    /** The first caller the row lets through, preferring the given order (for tests that need "an authorised"). */
    java.util.Optional<String> allowedCaller(String key, List<String> preference) {
        Row row = rows.get(key);
        if (row == null) {
            return java.util.Optional.empty();
        }
        return preference.stream().filter(c -> "ok".equals(row.expected().get(c))).findFirst();
    }
}
