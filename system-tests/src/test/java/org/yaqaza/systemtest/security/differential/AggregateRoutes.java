package org.yaqaza.systemtest.security.differential;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.yaqaza.systemtest.Json;

/**
 * The operations of the suite's OpenAPI documents, and among them the GET routes whose name says they aggregate,
 * count, rank, page or stream: each must have a probe, so that such a route added later fails this family until
 * someone writes its probe.
 */
final class AggregateRoutes {

    /**
     * A last path segment that names an aggregate (or a search, a graph walk, a stream, a page of TAXII objects),
     * or any route under a {@code statistics} segment.
     */
    static final Pattern AGGREGATE = Pattern.compile(".*/(count|statistics|evaluation(\\.svg)?|dashboard|stream"
            + "|search|facets?|[a-z-]*totals|outreach|network(\\.svg)?|graph|path|timeline|cell|summary|stats"
            + "|objects|manifest)/?$|.*/statistics/.*");

    /**
     * Routes that match the pattern but are not about records a caller may not see, with the reason. The audit
     * trail is metadata readable by auditors whatever the markings (docs/security-model.md, "Audit").
     */
    static final Map<String, String> EXEMPT = Map.of();

    private static final Set<String> METHODS = Set.of("get", "post", "put", "delete", "patch");

    private final Set<String> operations = new TreeSet<>();

    /** From the documents: service name → OpenAPI document text. */
    @SuppressWarnings("unchecked")
    AggregateRoutes(Map<String, String> documents) {
        for (String text : documents.values()) {
            Map<String, Object> document = (Map<String, Object>) Json.parse(text);
            Map<String, Object> paths = (Map<String, Object>) document.getOrDefault("paths", Map.of());
            paths.forEach((path, item) -> ((Map<String, Object>) item).keySet().stream().filter(METHODS::contains)
                    .forEach(method -> operations.add(method.toUpperCase() + " " + path)));
        }
    }

    Set<String> operations() {
        return operations;
    }

    /** The GET operations whose path names an aggregate (audit routes aside). */
    List<String> aggregates() {
        List<String> found = new ArrayList<>();
        for (String op : operations) {
            String path = op.substring(op.indexOf(' ') + 1);
            if (op.startsWith("GET ") && AGGREGATE.matcher(path).matches() && !path.contains("/audit")
                    && !EXEMPT.containsKey(op)) {
                found.add(op);
            }
        }
        return found;
    }

    /** Aggregate operations no probe covers. */
    List<String> uncovered(List<Probe> probes) {
        Set<String> covered = new TreeSet<>();
        probes.forEach(p -> covered.addAll(p.operations()));
        return aggregates().stream().filter(op -> !covered.contains(op)).toList();
    }

    /** Operations named by a probe that no document has (a renamed route). */
    List<String> unknown(List<Probe> probes) {
        Set<String> named = new TreeSet<>();
        probes.forEach(p -> named.addAll(p.operations()));
        return named.stream().filter(op -> !operations.contains(op)).toList();
    }
}
