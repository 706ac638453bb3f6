package org.yaqaza.console.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.yaqaza.console.api.EntityView;
import org.yaqaza.console.api.GraphView;
import org.yaqaza.console.api.ReportView;
import org.yaqaza.console.api.SearchHit;

import io.quarkus.qute.TemplateExtension;

/** What templates derive from the API's records: the marking of each, the safe snippet, URL parts. */
@TemplateExtension
public final class TemplateExtensions {

    private TemplateExtensions() {
    }

    static Marking marking(SearchHit hit) {
        return Marking.parse(hit.classification());
    }

    static Marking marking(ReportView report) {
        return Marking.parse(report.classification());
    }

    static Marking marking(EntityView entity) {
        return Marking.parse(entity.classification());
    }

    static Marking marking(GraphView.Node node) {
        return Marking.parse(node.classification());
    }

    static String safeSnippet(SearchHit hit) {
        return Snippets.safe(hit.snippet());
    }

    /** The title with its matches marked, or the plain title (escaped) when the service sent no highlight. */
    static String safeTitle(SearchHit hit) {
        return hit.titleHighlight() != null ? Snippets.safe(hit.titleHighlight()) : Snippets.escape(hit.title());
    }

    /** A 0-1 score as a whole percentage. */
    static int percent(Double score) {
        return (int) Math.round(score * 100);
    }

    /** The CSS class and the name of a marking given as the services spell it (for values kept in maps). */
    static String markingCss(String classification) {
        return Marking.parse(classification).css();
    }

    static String markingName(String classification) {
        return Marking.parse(classification).name();
    }

    static String urlEncoded(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    static String lower(String value) {
        return value.toLowerCase(Locale.ROOT);
    }
}
