package org.yaqaza.systemtest.security;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.yaqaza.launcher.SuiteService;
import org.yaqaza.systemtest.Json;

/**
 * Every operation of every OpenAPI document of the suite: the gateway's own (its {@code /q/openapi}) and each
 * service's (served by the gateway at {@code /openapi/<service>}, the documents its Swagger UI shows).
 */
final class OpenApiCatalog {

    private static final Set<String> METHODS = Set.of("get", "post", "put", "delete", "patch", "head", "options");

    /** One parameter of an operation ({@code in}: path, query or header). */
    record Parameter(String name, String in, boolean required, Map<String, Object> schema) {
    }

    /** One operation. {@code bodyTypes}: media type → schema of the request body (empty: no body). */
    record Operation(String service, String method, String path, List<Parameter> parameters,
            Map<String, Map<String, Object>> bodyTypes, boolean bodyRequired, OpenApiCatalog catalog) {

        String key() {
            return service + " " + method + " " + path;
        }

        List<Parameter> parameters(String in) {
            return parameters.stream().filter(p -> p.in().equals(in)).toList();
        }

        Optional<Map<String, Object>> jsonBody() {
            return bodyTypes.entrySet().stream().filter(e -> e.getKey().contains("json"))
                    .map(e -> catalog.resolve(e.getValue())).findFirst();
        }

        @Override
        public String toString() {
            return key();
        }
    }

    private final Map<String, Map<String, Object>> documents = new LinkedHashMap<>();
    private final List<Operation> operations = new ArrayList<>();

    @SuppressWarnings("unchecked")
    static OpenApiCatalog fetch(SecuritySuite suite) {
        OpenApiCatalog catalog = new OpenApiCatalog();
        for (SuiteService service : SuiteService.values()) {
            if (service == SuiteService.CONSOLE) {
                // web pages behind a browser session, not an API: no OpenAPI document, no bearer token; the console
                // answers as the API does for each user (ConsoleBrowserIT, docs/console.md)
                continue;
            }
            String text;
            if (service == SuiteService.GATEWAY) {
                text = suite.get("/q/openapi?format=json", "anonymous").text();
            } else {
                SecuritySuite.Answer answer = suite.get("/openapi/" + service.id(), "anonymous");
                text = answer.status() == 200 ? answer.text() : suite.getDirect(service, "/q/openapi?format=json");
            }
            catalog.add(service.id(), (Map<String, Object>) Json.parse(text));
            try {
                // kept for whoever updates the matrix table
                java.nio.file.Files.createDirectories(java.nio.file.Path.of("target"));
                java.nio.file.Files.writeString(java.nio.file.Path.of("target", "openapi-" + service.id() + ".json"),
                        text);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return catalog;
    }

    /** From documents already read (service name → document), e.g. the copies kept in target/. */
    static OpenApiCatalog of(Map<String, Map<String, Object>> documents) {
        OpenApiCatalog catalog = new OpenApiCatalog();
        documents.forEach(catalog::add);
        return catalog;
    }

    @SuppressWarnings("unchecked")
    private void add(String service, Map<String, Object> document) {
        documents.put(service, document);
        Map<String, Object> paths = (Map<String, Object>) document.getOrDefault("paths", Map.of());
        for (Map.Entry<String, Object> path : paths.entrySet()) {
            Map<String, Object> item = (Map<String, Object>) path.getValue();
            List<Map<String, Object>> shared = (List<Map<String, Object>>) item.getOrDefault("parameters", List.of());
            for (Map.Entry<String, Object> entry : item.entrySet()) {
                if (!METHODS.contains(entry.getKey())) {
                    continue;
                }
                Map<String, Object> op = (Map<String, Object>) entry.getValue();
                List<Parameter> parameters = new ArrayList<>();
                List<Map<String, Object>> declared = new ArrayList<>(shared);
                declared.addAll((List<Map<String, Object>>) op.getOrDefault("parameters", List.of()));
                for (Map<String, Object> raw : declared) {
                    Map<String, Object> p = resolveIn(service, raw);
                    parameters.add(new Parameter((String) p.get("name"), (String) p.get("in"),
                            Boolean.TRUE.equals(p.get("required")),
                            resolveIn(service, (Map<String, Object>) p.getOrDefault("schema", Map.of()))));
                }
                Map<String, Map<String, Object>> bodyTypes = new LinkedHashMap<>();
                boolean bodyRequired = false;
                if (op.get("requestBody") instanceof Map<?, ?> rawBody) {
                    Map<String, Object> body = resolveIn(service, (Map<String, Object>) rawBody);
                    bodyRequired = Boolean.TRUE.equals(body.get("required"));
                    Map<String, Object> content = (Map<String, Object>) body.getOrDefault("content", Map.of());
                    content.forEach((type, media) -> bodyTypes.put(type, new LinkedHashMap<>(
                            (Map<String, Object>) ((Map<String, Object>) media).getOrDefault("schema", Map.of()))));
                    bodyTypes.values().forEach(schema -> schema.put("x-service", service));
                }
                operations.add(new Operation(service, entry.getKey().toUpperCase(), path.getKey(),
                        List.copyOf(parameters), bodyTypes, bodyRequired, this));
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static Object lookup(Object document, String ref) {
        Object target = document;
        for (String part : ref.substring(2).split("/")) {
            if (!(target instanceof Map<?, ?> map)) {
                return null;
            }
            target = ((Map<String, Object>) map).get(part);
        }
        return target;
    }

    List<Operation> operations() {
        return operations;
    }

    /** Follows a {@code $ref} (and a single-element {@code allOf}) to the schema it names. */
    @SuppressWarnings("unchecked")
    Map<String, Object> resolve(Map<String, Object> schema) {
        String service = (String) schema.getOrDefault("x-service", "gateway");
        return resolveIn(service, schema);
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> resolveIn(String documentName, Map<String, Object> schema) {
        String service = documentName;
        Map<String, Object> current = schema;
        for (int hops = 0; hops < 20; hops++) {
            if (current.get("$ref") instanceof String ref && ref.startsWith("#/")) {
                Object target = lookup(documents.get(service), ref);
                if (target == null) {
                    // a schema handed on without its document's name: the first document that has it
                    for (Map.Entry<String, Map<String, Object>> document : documents.entrySet()) {
                        target = lookup(document.getValue(), ref);
                        if (target != null) {
                            service = document.getKey();
                            break;
                        }
                    }
                }
                if (target == null) {
                    throw new IllegalStateException("unresolvable " + ref + " in " + service);
                }
                Map<String, Object> next = new LinkedHashMap<>((Map<String, Object>) target);
                current.forEach((k, v) -> {
                    if (!k.equals("$ref")) {
                        next.putIfAbsent(k, v);
                    }
                });
                current = next;
            } else if (current.get("allOf") instanceof List<?> all && all.size() == 1 && !current.containsKey("type")) {
                Map<String, Object> next = new LinkedHashMap<>((Map<String, Object>) all.get(0));
                current.forEach((k, v) -> {
                    if (!k.equals("allOf")) {
                        next.putIfAbsent(k, v);
                    }
                });
                current = next;
            } else {
                break;
            }
        }
        Map<String, Object> result = new LinkedHashMap<>(current);
        result.put("x-service", service);
        return result;
    }
}
