package org.yaqaza.console.api;

import java.time.Instant;

import io.quarkus.qute.TemplateData;

/** One search result; the snippets are HTML-escaped by the service, with {@code <mark>} around matches. */
@TemplateData
public record SearchHit(String id, String title, String titleHighlight, String snippet, String reliability,
        int credibility, String language, Instant collectedAt, String classification) {
}
