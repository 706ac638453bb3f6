package org.yaqaza.common.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

import com.fasterxml.jackson.databind.ObjectMapper;

/** JSON literals that a parser reads back unchanged; XML text that a parser accepts and reads back as written. */
class EscapingTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ARABIC = "تقرير عاجل: اجتماع في المدينة القديمة بفاس";

    @Test
    void jsonStringReadsBackAsTheOriginalText() throws Exception {
        for (String text : new String[] { "", "plain", ARABIC, "say \"hi\" \\ bye", "line\nbreak\ttab\rcr",
            "nul\u0000bell\u0007esc\u001bunit\u001f", "emoji 😀 stays", "</script><b>&amp;</b>" }) {
            assertEquals(text, JSON.readValue(Escaping.jsonString(text), String.class), text);
        }
    }

    @Test
    void jsonEscapesQuotesBackslashesAndControlCharacters() {
        assertEquals("\"a\\\"b\\\\c\"", Escaping.jsonString("a\"b\\c"));
        assertEquals("\"\\n\\r\\t\\b\\f\\u0000\\u001f\"", Escaping.jsonString("\n\r\t\b\f\u0000\u001f"));
        // markup and non-ASCII text are not JSON's business: written as they are
        assertEquals("\"<a href='x'>&</a> " + ARABIC + "\"", Escaping.jsonString("<a href='x'>&</a> " + ARABIC));
        assertEquals("null", Escaping.jsonString(null));
    }

    @Test
    void jsonKeepsSurrogatePairsAndEscapesLoneHalves() throws Exception {
        assertEquals("\"😀\"", Escaping.jsonString("😀"));
        String lone = "high \uD83D alone, low \uDE00 alone, reversed \uDE00\uD83D";
        String literal = Escaping.jsonString(lone);
        assertEquals("\"high \\ud83d alone, low \\ude00 alone, reversed \\ude00\\ud83d\"", literal);
        // the literal is plain ASCII here, so it encodes to valid UTF-8 and a parser restores the exact chars
        assertEquals(lone, JSON.readValue(literal.getBytes(StandardCharsets.UTF_8), String.class));
    }

    @Test
    void appendJsonEscapesOnlyTheGivenRange() {
        StringBuilder out = new StringBuilder("x=");
        Escaping.appendJson(out, "ab\"c\u0001d", 1, 5);
        assertEquals("x=b\\\"c\\u0001", out.toString());
        // a pair cut by the range end is a lone half inside the range
        assertEquals("\\ud83d", Escaping.appendJson(new StringBuilder(), "😀", 0, 1).toString());
    }

    @Test
    void xmlEscapesMarkupAndBothQuotes() {
        assertEquals("&lt;b&gt; &amp;amp; &quot;q&quot; &apos;a&apos;", Escaping.xml("<b> &amp; \"q\" 'a'"));
        assertEquals(ARABIC, Escaping.xml(ARABIC));
        assertEquals("tab\tnl\ncr\r", Escaping.xml("tab\tnl\ncr\r"));
    }

    @Test
    void xmlDropsWhatXmlCannotCarry() {
        assertEquals("ab", Escaping.xml("a\u0000\u0007\u001f\uFFFE\uFFFFb"));
        assertEquals("lone  and  ok 😀", Escaping.xml("lone \uD83D and \uDE00 ok 😀"));
    }

    @Test
    void escapedTextMakesAWellFormedDocumentThatReadsBack() throws Exception {
        String hostile = ARABIC + " <script>alert('x')</script> & \"q\" \u0000\u000b 😀 \uD800";
        String document = "<svg title=\"" + Escaping.xml(hostile) + "\" other='" + Escaping.xml(hostile) + "'>"
                + "<text>" + Escaping.xml(hostile) + "</text></svg>";
        Element root = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(document.getBytes(StandardCharsets.UTF_8))).getDocumentElement();
        String readable = ARABIC + " <script>alert('x')</script> & \"q\"  😀 ";
        assertEquals(readable, root.getAttribute("title"));
        assertEquals(readable, root.getAttribute("other"));
        assertEquals(readable, root.getTextContent());
        assertTrue(document.indexOf("<script>") < 0, document);
    }
}
