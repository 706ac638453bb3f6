package org.yaqaza.systemtest.security;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The meaningful lines of a CSV table on the test classpath: blank lines and {@code #} comments left out. */
final class TableLines {

    /** One line and its number in the file (for error messages that point at it). */
    record Line(int number, String text) {
    }

    private TableLines() {
    }

    static List<Line> read(String resource) {
        try (InputStream in = TableLines.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            List<Line> lines = new ArrayList<>();
            String text;
            int number = 0;
            while ((text = reader.readLine()) != null) {
                number++;
                if (!text.isBlank() && !text.startsWith("#")) {
                    lines.add(new Line(number, text));
                }
            }
            return lines;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
