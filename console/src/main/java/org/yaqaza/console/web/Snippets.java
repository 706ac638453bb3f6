package org.yaqaza.console.web;

/**
 * Search snippets arrive HTML-escaped with {@code <mark>} around the matches. The console does not trust that
 * blindly: the text between the service's {@code <mark>} tags is unescaped and escaped again by the console's own
 * rule, so nothing in a report can ever become markup here, whatever the service's escaping.
 */
public final class Snippets {

    private static final String OPEN = "<mark>";
    private static final String CLOSE = "</mark>";

    private Snippets() {
    }

    public static String safe(String snippet) {
        if (snippet == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(snippet.length() + 16);
        for (String part : snippet.split("(?=<mark>)|(?<=<mark>)|(?=</mark>)|(?<=</mark>)")) {
            out.append(part.equals(OPEN) || part.equals(CLOSE) ? part : escape(unescape(part)));
        }
        return out.toString();
    }

    public static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }

    private static String unescape(String html) {
        return html.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'")
                .replace("&#x27;", "'").replace("&amp;", "&");
    }
}
