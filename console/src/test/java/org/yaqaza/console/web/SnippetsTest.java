package org.yaqaza.console.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SnippetsTest {

    @Test
    void onlyTheServicesMarkTagsBecomeMarkup() {
        assertEquals("a &lt;b&gt; <mark>خلية</mark> &amp; c",
                Snippets.safe("a &lt;b&gt; <mark>خلية</mark> &amp; c"));
    }

    @Test
    void markupThatSlippedThroughUnescapedIsEscapedHere() {
        assertEquals("&lt;script&gt;alert(1)&lt;/script&gt; <mark>x</mark>",
                Snippets.safe("<script>alert(1)</script> <mark>x</mark>"));
        assertEquals("&lt;img src=x onerror=&quot;y&quot;&gt;", Snippets.safe("<img src=x onerror=\"y\">"));
    }

    @Test
    void aReportThatLiterallyContainsAMarkTagShowsItAsText() {
        assertEquals("&lt;mark&gt;", Snippets.safe("&lt;mark&gt;"));
    }
}
