package org.yaqaza.intelligence.search;

import java.util.regex.Pattern;

import org.yaqaza.common.text.ArabicOrthography;

/**
 * Arabic normalisation for full-text search, the Java twin of the SQL function {@code yz_ar_normalise} (migration
 * V2): queries are normalised here exactly as documents are in the index, so both sides meet. The orthographic
 * rules shared with name screening come from {@link ArabicOrthography}; search adds its own clitic rule: the forms
 * wa-/fa-/bi-/ka- + article and li- + article become the bare article, which the Snowball stemmer strips. Latin
 * text passes through unchanged. {@code ArabicNormaliserTest} and {@code ArabicOrthographyTest} check that Java
 * and SQL agree.
 */
public final class ArabicNormaliser {

    private static final Pattern CLITIC_ARTICLE =
            Pattern.compile("(^|[^\u0621-\u064A])[\u0648\u0641\u0628\u0643]\u0627\u0644(?=[\u0621-\u064A]{3})");
    private static final Pattern LI_ARTICLE = Pattern.compile("(^|[^\u0621-\u064A])\u0644\u0644(?=[\u0621-\u064A]{3})");

    private ArabicNormaliser() {
    }

    public static String normalise(String text) {
        if (text == null) {
            return null;
        }
        String t = ArabicOrthography.normalise(text);
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
