package org.yaqaza.systemtest.security;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Plausible values from OpenAPI schemas: what a well-behaved client would send. */
final class Samples {

    private final OpenApiCatalog catalog;

    Samples(OpenApiCatalog catalog) {
        this.catalog = catalog;
    }

    /** A value for a path parameter that names nothing that exists (a caller's rights are checked first). */
    static String missingPathValue(Map<String, Object> schema) {
        String type = String.valueOf(schema.get("type"));
        if ("integer".equals(type) || "number".equals(type)) {
            return "987654321";
        }
        if ("uuid".equals(schema.get("format"))) {
            return UUID.nameUUIDFromBytes("matrix-missing".getBytes()).toString();
        }
        return "MATRIX-MISSING-1";
    }

    /** A valid-looking value for a query parameter. */
    String queryValue(String name, Map<String, Object> schema) {
        Object value = value(schema, false, 0);
        if (value instanceof List<?> list) {
            value = list.isEmpty() ? "x" : list.get(0);
        }
        if (value instanceof Map<?, ?>) {
            value = "x";
        }
        return String.valueOf(value);
    }

    /** A body with the required fields (or every field, with {@code full}) filled with plausible values. */
    Object body(Map<String, Object> schema, boolean full) {
        return value(schema, full, 0);
    }

    @SuppressWarnings("unchecked")
    Object value(Map<String, Object> raw, boolean full, int depth) {
        Map<String, Object> schema = catalog.resolve(raw);
        if (schema.get("enum") instanceof List<?> values && !values.isEmpty()) {
            return values.get(0);
        }
        if (schema.get("default") != null && !(schema.get("default") instanceof Map)) {
            return schema.get("default");
        }
        String type = schema.get("type") instanceof String t ? t
                : schema.containsKey("properties") ? "object" : schema.containsKey("items") ? "array" : "string";
        switch (type) {
            case "integer", "number" -> {
                if (schema.get("minimum") instanceof Number min) {
                    return min.longValue() <= 0 && schema.get("maximum") instanceof Number max
                            && max.longValue() >= 1 ? 1 : min.longValue();
                }
                return 1;
            }
            case "boolean" -> {
                return false;
            }
            case "array" -> {
                List<Object> list = new ArrayList<>();
                Object items = schema.get("items");
                boolean needed = schema.get("minItems") instanceof Number n && n.intValue() > 0;
                if (items instanceof Map<?, ?> itemSchema && (needed || full) && depth < 6) {
                    Map<String, Object> item = new LinkedHashMap<>((Map<String, Object>) itemSchema);
                    item.putIfAbsent("x-service", schema.get("x-service"));
                    list.add(value(item, full, depth + 1));
                }
                return list;
            }
            case "object" -> {
                Map<String, Object> object = new LinkedHashMap<>();
                Map<String, Object> properties = (Map<String, Object>) schema.getOrDefault("properties", Map.of());
                List<String> required = (List<String>) schema.getOrDefault("required", List.of());
                if (depth < 6) {
                    properties.forEach((name, propertySchema) -> {
                        if (full || required.contains(name)) {
                            Map<String, Object> p = new LinkedHashMap<>((Map<String, Object>) propertySchema);
                            p.putIfAbsent("x-service", schema.get("x-service"));
                            object.put(name, value(p, full, depth + 1));
                        }
                    });
                }
                return object;
            }
            default -> {
                return string(schema);
            }
        }
    }

    private static String string(Map<String, Object> schema) {
        String format = String.valueOf(schema.get("format"));
        switch (format) {
            case "uuid" -> {
                return UUID.nameUUIDFromBytes("sample".getBytes()).toString();
            }
            case "date" -> {
                return "2026-01-15";
            }
            case "date-time" -> {
                return "2026-01-15T10:00:00Z";
            }
            case "duration" -> {
                return "PT1H";
            }
            case "email" -> {
                return "liaison@example.org";
            }
            default -> {
            }
        }
        if (schema.get("pattern") instanceof String pattern) {
            if (pattern.matches("\\^?\\[[A-Za-z0-9]-[A-Za-z0-9]\\]\\$?")) {
                return pattern.substring(pattern.indexOf('[') + 1, pattern.indexOf('[') + 2);
            }
            if (pattern.contains("[a-z]{2")) {
                return "ar";
            }
            if (pattern.contains("A-Z")) {
                return "CT-NORTH";
            }
            if (pattern.contains("a-z")) {
                return "sample";
            }
        }
        int min = schema.get("minLength") instanceof Number n ? n.intValue() : 0;
        int max = schema.get("maxLength") instanceof Number n ? n.intValue() : Integer.MAX_VALUE;
        String text = "Sample text for the system test";
        while (text.length() < min) {
            text = text + " padding";
        }
        return text.length() > max ? text.substring(0, max) : text;
    }
}
