package org.yaqaza.intelligence.extraction;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts a text into words (with their character offsets) and the runs of consecutive words that may be a name.
 * A run never crosses punctuation, a paragraph break or a change of script. In Latin script a name starts with a
 * capital or a short lower-case particle ({@code el-}, {@code ben}, {@code ould}) and ends with a capital: that
 * keeps ordinary prose from being read as names, and costs nothing in Arabic, which has no capitals.
 */
public final class TextWindows {

    /** A word: [start, end) in the text, its script, whether it starts with a capital, only blanks before it. */
    record Word(int start, int end, boolean arabic, boolean capital, boolean joined) {
    }

    /** A run of words: [start, end) in the text and the text itself. */
    public record Window(int start, int end, String text) {
    }

    /** Lower-case words this short may open a Latin name (particles); longer ones are prose. */
    static final int PARTICLE_LENGTH = 4;

    private TextWindows() {
    }

    public static List<Window> of(String text, int maxWords) {
        List<Word> words = words(text);
        List<Window> windows = new ArrayList<>();
        for (int[] span : spans(words, maxWords)) {
            int start = words.get(span[0]).start;
            int end = words.get(span[1]).end;
            windows.add(new Window(start, end, text.substring(start, end)));
        }
        return windows;
    }

    /** The runs of {@link #of} as the indexes of their first and last word in {@code words}, in the same order. */
    static List<int[]> spans(List<Word> words, int maxWords) {
        List<int[]> spans = new ArrayList<>();
        for (int i = 0; i < words.size(); i++) {
            Word first = words.get(i);
            if (!first.arabic && !first.capital && first.end - first.start > PARTICLE_LENGTH) {
                continue;
            }
            for (int j = i; j < words.size() && j < i + maxWords; j++) {
                Word last = words.get(j);
                if (j > i && (!last.joined || last.arabic != first.arabic)) {
                    break;
                }
                if (last.arabic || last.capital) {
                    spans.add(new int[] { i, j });
                }
            }
        }
        return spans;
    }

    /**
     * Whether the word at {@code start} opens a sentence: the text's start, or after a full stop, a question or
     * exclamation mark, an ellipsis or a line break, with only blanks, quotes and opening brackets between.
     */
    public static boolean opensSentence(String text, int start) {
        for (int i = start - 1; i >= 0; i--) {
            char c = text.charAt(i);
            if (c == '.' || c == '!' || c == '?' || c == '\u2026' || c == '\n' || c == '\u061F') {
                return true;
            }
            if (!Character.isWhitespace(c) && "\"'\u00AB\u201C\u2018([-\u2013\u2014".indexOf(c) < 0) {
                return false;
            }
        }
        return true;
    }

    static List<Word> words(String text) {
        List<Word> words = new ArrayList<>();
        int i = 0;
        int n = text.length();
        int previousEnd = 0;
        while (i < n) {
            int cp = text.codePointAt(i);
            if (!isLetter(cp)) {
                i += Character.charCount(cp);
                continue;
            }
            int start = i;
            while (i < n) {
                int c = text.codePointAt(i);
                if (isLetter(c)) {
                    i += Character.charCount(c);
                } else if ((isJoiner(c) || Character.isDigit(c)) && i + 1 < n && isLetter(text.codePointAt(i + 1))) {
                    i++; // an apostrophe, hyphen or chat-alphabet digit inside a word: Ben-Ali, Da'ud, Sa3id
                } else {
                    break;
                }
            }
            boolean arabic = Character.UnicodeScript.of(cp) == Character.UnicodeScript.ARABIC;
            boolean joined = words.isEmpty() || blanksOnly(text, previousEnd, start);
            words.add(new Word(start, i, arabic, Character.isUpperCase(cp), joined));
            previousEnd = i;
        }
        return words;
    }

    private static boolean isLetter(int cp) {
        return Character.isLetter(cp) || Character.getType(cp) == Character.NON_SPACING_MARK;
    }

    private static boolean isJoiner(int cp) {
        return cp == '-' || cp == '\'' || cp == '`' || cp == '\u00B4' || cp == '\u2019' || cp == '\u2018'
                || cp == '\u02BF' || cp == '\u02BE' || cp == '\u02BC';
    }

    /** Blanks with at most one line break (two make a paragraph: a name does not run across it). */
    private static boolean blanksOnly(String text, int from, int to) {
        int breaks = 0;
        for (int k = from; k < to; k++) {
            char c = text.charAt(k);
            if (!Character.isWhitespace(c)) {
                return false;
            }
            if (c == '\n' && ++breaks > 1) {
                return false;
            }
        }
        return true;
    }
}
