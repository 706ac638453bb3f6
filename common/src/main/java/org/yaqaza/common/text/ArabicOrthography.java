package org.yaqaza.common.text;

/**
 * The orthographic rules every Arabic text comparison of the suite applies, in one place: the same word is
 * written with or without them, so search and name screening must fold them alike or a spelling found by one is
 * missed by the other.
 * <ul>
 * <li>diacritics (harakat U+064B–U+065F, superscript alef U+0670) and tatweel (U+0640) are dropped;</li>
 * <li>alef with hamza above or below, with madda, and alef wasla ({@code أ إ آ ٱ}) become bare alef {@code ا};</li>
 * <li>alef maqsura {@code ى} becomes yaa {@code ي};</li>
 * <li>a word-final haa {@code ه} (not followed by an Arabic letter) becomes taa marbuta {@code ة}.</li>
 * </ul>
 * Latin and every other script pass through unchanged. Each caller keeps its own further rules (search: clitic
 * articles, mirrored by the SQL function {@code yz_ar_normalise}; screening: transliteration skeletons).
 */
public final class ArabicOrthography {

    private static final char ALEF = '\u0627';
    private static final char YAA = '\u064A';
    private static final char HAA = '\u0647';
    private static final char TAA_MARBUTA = '\u0629';

    private ArabicOrthography() {
    }

    /** Harakat, superscript alef and tatweel: written or not, the word is the same. */
    public static boolean isDiacritic(int c) {
        return c >= 0x064B && c <= 0x065F || c == 0x0670 || c == 0x0640;
    }

    /** A letter of the basic Arabic alphabet (hamza to yaa), the letters a word-final haa is judged against. */
    public static boolean isArabicLetter(int c) {
        return c >= 0x0621 && c <= 0x064A;
    }

    /** Alef with hamza above or below, with madda, or wasla as bare alef; any other character unchanged. */
    public static char bareAlef(char c) {
        return switch (c) {
            case '\u0623', '\u0625', '\u0622', '\u0671' -> ALEF;
            default -> c;
        };
    }

    /** Alef maqsura as yaa; any other character unchanged. */
    public static char yaaForAlefMaqsura(char c) {
        return c == '\u0649' ? YAA : c;
    }

    /** Both letter foldings: {@link #bareAlef} and {@link #yaaForAlefMaqsura}. */
    public static char foldLetter(char c) {
        return yaaForAlefMaqsura(bareAlef(c));
    }

    /** Every haa not followed by an Arabic letter, written as taa marbuta. */
    public static String finalTaaMarbuta(CharSequence text) {
        StringBuilder out = new StringBuilder(text);
        for (int i = 0; i < out.length(); i++) {
            if (out.charAt(i) == HAA && (i + 1 == out.length() || !isArabicLetter(out.charAt(i + 1)))) {
                out.setCharAt(i, TAA_MARBUTA);
            }
        }
        return out.toString();
    }

    /** All four rules; {@code null} stays {@code null}. */
    public static String normalise(CharSequence text) {
        if (text == null) {
            return null;
        }
        StringBuilder folded = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!isDiacritic(c)) {
                folded.append(foldLetter(c));
            }
        }
        return finalTaaMarbuta(folded);
    }
}
