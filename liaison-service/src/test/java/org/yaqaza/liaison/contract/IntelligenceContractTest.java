package org.yaqaza.liaison.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.yaqaza.liaison.client.ProductView;
import org.yaqaza.liaison.service.PartnerReport;

/**
 * Liaison's side of its contract with the intelligence-service, checked against the provider's own OpenAPI document
 * (written at build time to {@code intelligence-service/target/openapi/openapi.json}): every field liaison reads of a
 * product ({@link ProductView}, by id and in the newest-first list) exists there with a compatible type, every value
 * of the provider's enums is one liaison understands, and every field of the partner report liaison sends
 * ({@link PartnerReport}) is one the provider accepts (it refuses unknown fields). A renamed or dropped field on the
 * provider's side fails this test, not a release in production.
 */
class IntelligenceContractTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static JsonNode openApi;

    @BeforeAll
    static void providerDocument() throws IOException {
        openApi = JSON.readTree(locate().toFile());
    }

    static Path locate() {
        Path here = Path.of("").toAbsolutePath();
        for (Path p = here; p != null; p = p.getParent()) {
            Path candidate = p.resolve("intelligence-service/target/openapi/openapi.json");
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new AssertionError("intelligence-service/target/openapi/openapi.json not found above " + here
                + ": build the intelligence-service first (mvn -pl intelligence-service package)");
    }

    @Test
    void everyProductFieldLiaisonReadsIsServedWithACompatibleType() {
        JsonNode product = responseSchema("/api/intelligence/products/{id}", "get");
        assertEquals(List.of(), mismatches(ProductView.class, product));
        JsonNode page = responseSchema("/api/intelligence/products", "get");
        assertEquals(product, resolve(property(page, "items").path("items")), "the list serves the same products");
    }

    @Test
    void everyPartnerReportFieldIsOneTheProviderAccepts() {
        JsonNode request = resolve(openApi.at(pointer("/api/intelligence/reports", "post")
                + "/requestBody/content/application~1json/schema"));
        assertEquals(List.of(), mismatches(PartnerReport.class, request));
    }

    @Test
    void aDroppedOrRetypedFieldIsReported() {
        ObjectNode product = responseSchema("/api/intelligence/products/{id}", "get").deepCopy();
        ObjectNode properties = (ObjectNode) product.get("properties");
        properties.remove("originatorPartners");
        properties.putObject("version").put("type", "string");
        assertEquals(List.of("originatorPartners: missing", "version: long expected, provider has {\"type\":\"string\"}"),
                mismatches(ProductView.class, product));
    }

    /** What of the record's fields the schema lacks or types incompatibly (empty when the contract holds). */
    static List<String> mismatches(Class<? extends Record> record, JsonNode schema) {
        List<String> problems = new ArrayList<>();
        for (RecordComponent field : record.getRecordComponents()) {
            JsonNode property = property(schema, field.getName());
            if (property.isMissingNode()) {
                problems.add(field.getName() + ": missing");
                continue;
            }
            String problem = compatibility(field.getGenericType(), resolve(property));
            if (problem != null) {
                problems.add(field.getName() + ": " + problem + ", provider has " + property);
            }
        }
        return problems;
    }

    /** Null when a value of the provider's schema reads into the Java type. */
    private static String compatibility(Type type, JsonNode schema) {
        if (type instanceof ParameterizedType list && list.getRawType() == List.class) {
            if (!types(schema).contains("array")) {
                return "array expected";
            }
            return compatibility(list.getActualTypeArguments()[0], resolve(schema.path("items")));
        }
        Class<?> raw = (Class<?>) type;
        if (raw == String.class) {
            return types(schema).contains("string") ? null : "string expected";
        }
        if (raw == UUID.class) {
            return types(schema).contains("string") && "uuid".equals(schema.path("format").asText()) ? null
                    : "uuid expected";
        }
        if (raw == long.class || raw == Long.class || raw == int.class || raw == Integer.class) {
            return types(schema).contains("integer") ? null : raw.getSimpleName() + " expected";
        }
        if (raw == java.time.Instant.class) {
            return types(schema).contains("string") && "date-time".equals(schema.path("format").asText()) ? null
                    : "date-time expected";
        }
        if (raw.isRecord()) {
            @SuppressWarnings("unchecked")
            List<String> nested = mismatches((Class<? extends Record>) raw, schema);
            return nested.isEmpty() ? null : "object " + raw.getSimpleName() + " expected " + nested;
        }
        if (raw.isEnum()) {
            Set<String> known = new HashSet<>();
            for (Object constant : raw.getEnumConstants()) {
                known.add(wireValue((Enum<?>) constant));
            }
            Set<String> served = new HashSet<>();
            schema.path("enum").forEach(v -> served.add(v.asText()));
            served.removeAll(known);
            return !served.isEmpty() || !schema.has("enum") ? "values " + known + " expected" : null;
        }
        return "no rule for " + raw;
    }

    /** How Jackson writes the constant: its {@code @JsonValue} method's result (e.g. {@code AMBER+STRICT}), else its name. */
    private static String wireValue(Enum<?> constant) {
        for (java.lang.reflect.Method m : constant.getDeclaringClass().getMethods()) {
            if (m.isAnnotationPresent(com.fasterxml.jackson.annotation.JsonValue.class)) {
                try {
                    return String.valueOf(m.invoke(constant));
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return constant.name();
    }

    /** {@code type} as a set: OpenAPI 3.1 allows a list (e.g. a nullable string). */
    private static Set<String> types(JsonNode schema) {
        Set<String> types = new HashSet<>();
        JsonNode type = schema.path("type");
        if (type.isArray()) {
            type.forEach(t -> types.add(t.asText()));
        } else if (type.isTextual()) {
            types.add(type.asText());
        }
        return types;
    }

    private static JsonNode property(JsonNode schema, String name) {
        return schema.path("properties").path(name);
    }

    private static JsonNode responseSchema(String path, String method) {
        JsonNode responses = openApi.at(pointer(path, method) + "/responses");
        JsonNode ok = responses.has("200") ? responses.get("200") : responses.path("201");
        JsonNode schema = resolve(ok.at("/content/application~1json/schema"));
        assertTrue(schema.has("properties"), method + " " + path + " has no JSON object response: " + schema);
        return schema;
    }

    /** Follows {@code $ref} (also as the only member of {@code allOf}) into {@code components/schemas}. */
    private static JsonNode resolve(JsonNode schema) {
        JsonNode ref = schema.path("$ref");
        if (ref.isMissingNode() && schema.path("allOf").size() == 1) {
            ref = schema.path("allOf").get(0).path("$ref");
        }
        return ref.isTextual() ? resolve(openApi.at(ref.asText().substring(1))) : schema;
    }

    private static String pointer(String path, String method) {
        return "/paths/" + path.replace("~", "~0").replace("/", "~1") + "/" + method;
    }
}
