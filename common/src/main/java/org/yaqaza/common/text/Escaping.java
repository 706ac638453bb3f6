package org.yaqaza.common.text;

/**
 * Escaping for text written by hand rather than through a mapper: JSON string literals (problem bodies outside
 * JAX-RS, access log lines) and XML text (SVG charts, highlighted snippets). Every character survives except the
 * ones the target format cannot carry at all, so Arabic and any other script pass through unchanged.
 */
public final class Escaping {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private Escaping() {
    }

    /** {@code value} as a JSON string literal, quotes included; {@code null} becomes the JSON literal null. */
    public static String jsonString(String value) {
        if (value == null) {
            return "null";
        }
        StringBuilder out = new StringBuilder(value.length() + 2).append('"');
        return appendJson(out, value, 0, value.length()).append('"').toString();
    }

    /**
     * Appends {@code value[start, end)} escaped for the inside of a JSON string literal (no quotes). Control
     * characters and lone surrogates become {@code \}{@code uXXXX} escapes: the text stays valid JSON and encodes
     * to valid UTF-8, and nothing is lost.
     */
    public static StringBuilder appendJson(StringBuilder out, CharSequence value, int start, int end) {
        for (int i = start; i < end; i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20 || isLoneSurrogate(value, i, start, end)) {
                        unicodeEscape(out, c);
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out;
    }

    /**
     * {@code text} safe as XML (and HTML) element content or attribute value, whichever quote delimits it.
     * Characters XML 1.0 forbids (control characters other than tab and line ends, lone surrogates, U+FFFE and
     * U+FFFF) are dropped: a parser would refuse the whole document for one of them.
     */
    public static String xml(String text) {
        return appendXml(new StringBuilder(text.length() + 16), text).toString();
    }

    /** Appends {@code text} escaped as {@link #xml(String)} does. */
    public static StringBuilder appendXml(StringBuilder out, CharSequence text) {
        int length = text.length();
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                case '\t', '\n', '\r' -> out.append(c);
                default -> {
                    if (c >= 0x20 && c != '\uFFFE' && c != '\uFFFF' && !isLoneSurrogate(text, i, 0, length)) {
                        out.append(c);
                    }
                }
            }
        }
        return out;
    }

    /** A surrogate that is not half of a well-formed pair within {@code [start, end)}. */
    private static boolean isLoneSurrogate(CharSequence text, int i, int start, int end) {
        char c = text.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 >= end || !Character.isLowSurrogate(text.charAt(i + 1));
        }
        if (Character.isLowSurrogate(c)) {
            return i <= start || !Character.isHighSurrogate(text.charAt(i - 1));
        }
        return false;
    }

    private static void unicodeEscape(StringBuilder out, char c) {
        out.append("\\u").append(HEX[c >> 12 & 15]).append(HEX[c >> 8 & 15]).append(HEX[c >> 4 & 15])
                .append(HEX[c & 15]);
    }
}
