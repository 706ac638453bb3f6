package org.yaqaza.common.persistence;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns PostgreSQL text with {@code :name} parameters into JDBC text with {@code ?} placeholders, reading the SQL
 * the way PostgreSQL lexes it: nothing inside a string literal ({@code 'a:b'}, {@code E'it\'s :x'}), a quoted
 * identifier ({@code "col:x"}), a dollar-quoted body ({@code $fn$ :x $fn$}), a line comment ({@code -- :c}) or a
 * block comment (nested ones too) is a parameter, and a cast ({@code x::text}) stays a cast. A literal {@code ?}
 * outside those (the JSONB operators {@code ?}, {@code ?|}, {@code ?&}) is doubled, the driver's escape for it,
 * so it is never taken for a placeholder. A slice bound must not touch its colon: {@code a[lo : hi]}.
 */
public final class NamedParameters {

    /** The JDBC text and the parameter name of each placeholder, in order (a name may repeat). */
    public record Parsed(String jdbcSql, List<String> names) {
    }

    private NamedParameters() {
    }

    public static Parsed parse(String sql) {
        StringBuilder out = new StringBuilder(sql.length() + 8);
        List<String> names = new ArrayList<>();
        int i = 0;
        while (i < sql.length()) {
            int end = verbatimEnd(sql, i);
            char c = sql.charAt(i);
            if (end > i) {
                out.append(sql, i, end);
                i = end;
            } else if (c == ':' && isNameStart(next(sql, i))) {
                end = i + 1;
                while (end < sql.length() && isNamePart(sql.charAt(end))) {
                    end++;
                }
                names.add(sql.substring(i + 1, end));
                out.append('?');
                i = end;
            } else {
                out.append(c == '?' ? "??" : String.valueOf(c));
                i++;
            }
        }
        return new Parsed(out.toString(), List.copyOf(names));
    }

    /**
     * End (exclusive) of the literal, quoted identifier, comment, dollar-quoted body or cast starting at {@code i},
     * copied as it is; {@code i} when none starts there.
     */
    private static int verbatimEnd(String sql, int i) {
        return switch (sql.charAt(i)) {
            case '\'' -> quoted(sql, i, '\'', isEscapeString(sql, i));
            case '"' -> quoted(sql, i, '"', false);
            case '-' -> next(sql, i) == '-' ? lineEnd(sql, i) : i;
            case '/' -> next(sql, i) == '*' ? blockComment(sql, i) : i;
            case '$' -> dollarQuoted(sql, i);
            case ':' -> next(sql, i) == ':' ? i + 2 : i;
            default -> i;
        };
    }

    private static int lineEnd(String sql, int start) {
        int end = sql.indexOf('\n', start);
        return end < 0 ? sql.length() : end;
    }

    private static char next(String sql, int i) {
        return i + 1 < sql.length() ? sql.charAt(i + 1) : '\0';
    }

    /** {@code E'...'} (or {@code e'...'}): backslash escapes apply, so {@code \'} does not end it. */
    private static boolean isEscapeString(String sql, int quote) {
        if (quote == 0 || Character.toUpperCase(sql.charAt(quote - 1)) != 'E') {
            return false;
        }
        return quote == 1 || !isNamePart(sql.charAt(quote - 2));
    }

    /** End (exclusive) of a literal or identifier opened at {@code start}; a doubled delimiter stays inside. */
    private static int quoted(String sql, int start, char delimiter, boolean backslashEscapes) {
        int i = start + 1;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (backslashEscapes && c == '\\') {
                i += 2;
            } else if (c == delimiter) {
                if (next(sql, i) != delimiter) {
                    return i + 1;
                }
                i += 2;
            } else {
                i++;
            }
        }
        return sql.length();
    }

    /** End (exclusive) of a block comment opened at {@code start}; PostgreSQL nests them. */
    private static int blockComment(String sql, int start) {
        int depth = 0;
        int i = start;
        while (i < sql.length()) {
            if (sql.startsWith("/*", i)) {
                depth++;
                i += 2;
            } else if (sql.startsWith("*/", i)) {
                depth--;
                i += 2;
                if (depth == 0) {
                    return i;
                }
            } else {
                i++;
            }
        }
        return sql.length();
    }

    /**
     * End (exclusive) of a dollar-quoted string opened at {@code start} ({@code $$...$$}, {@code $tag$...$tag$}),
     * or {@code start} when the {@code $} opens none: a positional {@code $1}, or part of an identifier.
     */
    private static int dollarQuoted(String sql, int start) {
        if (start > 0 && isNamePart(sql.charAt(start - 1))) {
            return start;
        }
        int j = start + 1;
        if (j < sql.length() && isNameStart(sql.charAt(j))) {
            while (j < sql.length() && isNamePart(sql.charAt(j))) {
                j++;
            }
        }
        if (j >= sql.length() || sql.charAt(j) != '$') {
            return start;
        }
        String tag = sql.substring(start, j + 1);
        int close = sql.indexOf(tag, j + 1);
        return close < 0 ? sql.length() : close + tag.length();
    }

    private static boolean isNameStart(char c) {
        return Character.isLetter(c) || c == '_';
    }

    private static boolean isNamePart(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }
}
