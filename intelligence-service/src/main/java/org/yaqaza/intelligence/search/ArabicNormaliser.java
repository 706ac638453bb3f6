package org.yaqaza.intelligence.search;

import java.util.regex.Pattern;

/**
 * Arabic orthographic normalisation, the Java twin of the SQL function {@code yz_ar_normalise} (migration V2):
 * queries are normalised here exactly as documents are in the index, so both sides meet. Latin text passes
 * through unchanged. {@code ArabicNormaliserTest} checks both implementations agree.
 */
public final class ArabicNormaliser {

    private static final Pattern MARKS = Pattern.compile("[\u064B-\u065F\u0670\u0640]");
    private static final Pattern FINAL_HAA = Pattern.compile("\u0647(?![\u0621-\u064A])");
    private static final Pattern CLITIC_ARTICLE =
            Pattern.compile("(^|[^\u0621-\u064A])[\u0648\u0641\u0628\u0643]\u0627\u0644(?=[\u0621-\u064A]{3})");
    private static final Pattern LI_ARTICLE = Pattern.compile("(^|[^\u0621-\u064A])\u0644\u0644(?=[\u0621-\u064A]{3})");

    private ArabicNormaliser() {
    }

    public static String normalise(String text) {
        if (text == null) {
            return null;
        }
        String t = MARKS.matcher(text).replaceAll("");
        StringBuilder b = new StringBuilder(t.length());
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            b.append(switch (c) {
                case '\u0623', '\u0625', '\u0622', '\u0671' -> '\u0627';
                case '\u0649' -> '\u064A';
                default -> c;
            });
        }
        t = FINAL_HAA.matcher(b).replaceAll("\u0629");
        t = CLITIC_ARTICLE.matcher(t).replaceAll("$1\u0627\u0644");
        return LI_ARTICLE.matcher(t).replaceAll("$1\u0627\u0644");
    }

    public static boolean hasArabic(String text) {
        return text != null && text.codePoints().anyMatch(c -> c >= 0x0600 && c <= 0x06FF);
    }

    /** ARABIC, LATIN or OTHER: the script most letters of a name are written in. */
    public static String script(String text) {
        int arabic = 0;
        int latin = 0;
        int other = 0;
        for (int c : text.codePoints().toArray()) {
            if (!Character.isLetter(c)) {
                continue;
            }
            Character.UnicodeScript s = Character.UnicodeScript.of(c);
            if (s == Character.UnicodeScript.ARABIC) {
                arabic++;
            } else if (s == Character.UnicodeScript.LATIN) {
                latin++;
            } else {
                other++;
            }
        }
        if (arabic >= latin && arabic >= other && arabic > 0) {
            return "ARABIC";
        }
        return latin >= other && latin > 0 ? "LATIN" : "OTHER";
    }
}
