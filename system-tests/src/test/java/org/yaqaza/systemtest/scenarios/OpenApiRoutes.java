package org.yaqaza.systemtest.scenarios;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

import io.restassured.path.json.JsonPath;

/**
 * The GET routes of an OpenAPI 3 document, with what is needed to call them: parameters (type, format, enum,
 * required) and the media types they answer with. Streams (text/event-stream) are left out: they never end.
 */
public final class OpenApiRoutes {

    public static final String TAXII = "application/taxii+json;version=2.1";
    private static final Pattern AGGREGATE = Pattern.compile(
            ".*(/count|/statistics|/evaluation|/dashboard|totals|/reach).*");
    private static final Set<String> SEARCH_NAMES = Set.of("q", "name", "query", "search", "text", "title");
    private static final Set<String> ID_NAMES = Set.of("subject", "entity", "entityId", "report", "reportId",
            "productId");

    private OpenApiRoutes() {
    }

    /** One parameter; {@code kind} is the collection a path id belongs to (the segment before it). */
    public record Param(String name, String in, boolean required, String type, String format,
            List<String> enumValues, String kind, boolean id) {

        /** A record id: declared as a uuid, or a plain string whose name says it is one (read as a uuid). */
        public boolean uuid() {
            return id;
        }

        public boolean searchText() {
            return in.equals("query") && type.equals("string") && format.isEmpty() && enumValues.isEmpty()
                    && SEARCH_NAMES.contains(name);
        }
    }

    /** One GET operation with one Accept header. */
    public record Route(String path, List<Param> params, String accept) {

        public boolean aggregate() {
            return AGGREGATE.matcher(path).matches();
        }

        public boolean takesIdsOrSearch() {
            return params.stream().anyMatch(p -> p.in().equals("path") || p.uuid() || p.searchText()
                    || (p.in().equals("query") && (p.name().equals("partner") || p.name().equals("match[id]"))));
        }

        /** How many hidden ids to try: one per hidden record of the kind of the first path parameter (max 3). */
        public int secretVariants(Map<String, List<String>> secret) {
            return params.stream().filter(p -> p.in().equals("path")).findFirst()
                    .map(p -> Math.max(1, Math.min(3, secret.getOrDefault(p.kind(), List.of()).size())))
                    .orElse(1);
        }

        /** The path with its parameters filled; a query parameter is left out when the value is null. */
        public String fill(Function<Param, String> value) {
            String filled = path;
            StringBuilder query = new StringBuilder();
            for (Param p : params) {
                String v = value.apply(p);
                if (p.in().equals("path")) {
                    if (v == null) {
                        return null;
                    }
                    filled = filled.replace("{" + p.name() + "}", enc(v));
                } else if (p.in().equals("query") && v != null) {
                    query.append(query.length() == 0 ? '?' : '&').append(enc(p.name())).append('=').append(enc(v));
                } else if (p.in().equals("query") && p.required()) {
                    return null;
                }
            }
            return filled + query;
        }
    }

    @SuppressWarnings("unchecked")
    public static List<Route> gets(String document) {
        JsonPath json = JsonPath.from(document);
        Map<String, Object> schemas = json.getMap("components.schemas");
        Map<String, Map<String, Object>> paths = json.getMap("paths");
        List<Route> routes = new ArrayList<>();
        for (Map.Entry<String, Map<String, Object>> entry : paths.entrySet()) {
            String path = entry.getKey();
            Map<String, Object> item = entry.getValue();
            Map<String, Object> get = (Map<String, Object>) item.get("get");
            if (get == null) {
                continue;
            }
            List<Map<String, Object>> raw = new ArrayList<>();
            if (item.get("parameters") instanceof List<?> shared) {
                raw.addAll((List<Map<String, Object>>) shared);
            }
            if (get.get("parameters") instanceof List<?> own) {
                raw.addAll((List<Map<String, Object>>) own);
            }
            List<Param> params = new ArrayList<>();
            for (Map<String, Object> p : raw) {
                Map<String, Object> schema = resolve((Map<String, Object>) p.get("schema"), schemas);
                String in = String.valueOf(p.get("in"));
                String name = String.valueOf(p.get("name"));
                if (!in.equals("path") && !in.equals("query")) {
                    continue;
                }
                List<String> enums = schema.get("enum") instanceof List<?> l ? l.stream().map(String::valueOf)
                        .toList() : List.of();
                String type = String.valueOf(schema.getOrDefault("type", "string"));
                String format = String.valueOf(schema.getOrDefault("format", ""));
                boolean named = ID_NAMES.contains(name) || path.contains("/graph/") && Set.of("from", "to")
                        .contains(name);
                boolean id = format.equals("uuid") || (in.equals("query") && type.equals("string")
                        && format.isEmpty() && enums.isEmpty() && !path.contains("/audit") && named);
                params.add(new Param(name, in, Boolean.TRUE.equals(p.get("required")) || in.equals("path"), type,
                        format, enums, kind(path, name, in), id));
            }
            Set<String> types = new LinkedHashSet<>();
            if (get.get("responses") instanceof Map<?, ?> responses) {
                for (Map.Entry<?, ?> r : responses.entrySet()) {
                    if (r.getKey().toString().startsWith("2") && r.getValue() instanceof Map<?, ?> resp
                            && resp.get("content") instanceof Map<?, ?> content) {
                        content.keySet().forEach(k -> types.add(k.toString()));
                    }
                }
            }
            if (types.contains("text/event-stream")) {
                continue;
            }
            for (String accept : accepts(path, types)) {
                routes.add(new Route(path, List.copyOf(params), accept));
            }
        }
        return routes;
    }

    private static List<String> accepts(String path, Set<String> types) {
        if (path.startsWith("/taxii2")) {
            return List.of(TAXII);
        }
        List<String> accepts = new ArrayList<>();
        accepts.add(types.isEmpty() || types.contains("application/json") ? "application/json, */*;q=0.1"
                : String.join(", ", types) + ", */*;q=0.1");
        if (types.size() > 1 && types.contains("image/svg+xml")) {
            accepts.add("image/svg+xml");
        }
        return accepts;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> resolve(Map<String, Object> schema, Map<String, Object> schemas) {
        if (schema == null) {
            return Map.of();
        }
        if (schema.get("$ref") instanceof String ref && schemas != null) {
            Object target = schemas.get(ref.substring(ref.lastIndexOf('/') + 1));
            return target instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
        }
        if (schema.get("allOf") instanceof List<?> all && !all.isEmpty()) {
            return resolve((Map<String, Object>) all.get(0), schemas);
        }
        return schema;
    }

    /** Path parameter: the collection segment before it. Query parameter: the collection its name points to. */
    private static String kind(String path, String name, String in) {
        if (in.equals("path")) {
            String[] segments = path.split("/");
            for (int i = 1; i < segments.length; i++) {
                if (segments[i].equals("{" + name + "}")) {
                    return segments[i - 1];
                }
            }
            return "*";
        }
        return switch (name) {
            case "report", "reportId" -> "reports";
            case "productId" -> "products";
            case "programmeId" -> "programmes";
            case "editionId" -> "editions";
            case "participant", "participantCode" -> "participants";
            default -> "entities";
        };
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
