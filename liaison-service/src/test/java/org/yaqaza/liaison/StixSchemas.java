package org.yaqaza.liaison;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

/**
 * The OASIS STIX 2.1 JSON schemas (draft 2020-12) from {@code shared/conformance}, found by walking up from the
 * module directory (CI keeps a copy of shared/ beside the clone); their {@code $id} prefix is mapped to the
 * local files, so nothing is fetched. Missing schemas fail the test: validation is never skipped.
 */
public final class StixSchemas {

    private static final String ID_PREFIX =
            "http://raw.githubusercontent.com/oasis-open/cti-stix2-json-schemas/stix2.1/schemas/";
    private static final Map<String, String> FOLDER = Map.ofEntries(
            Map.entry("report", "sdos"), Map.entry("identity", "sdos"), Map.entry("threat-actor", "sdos"),
            Map.entry("intrusion-set", "sdos"), Map.entry("indicator", "sdos"), Map.entry("malware", "sdos"),
            Map.entry("campaign", "sdos"), Map.entry("attack-pattern", "sdos"), Map.entry("location", "sdos"),
            Map.entry("relationship", "sros"), Map.entry("sighting", "sros"),
            Map.entry("marking-definition", "common"), Map.entry("bundle", "common"));

    private static final JsonSchemaFactory FACTORY;
    private static final Map<String, JsonSchema> SCHEMAS = new ConcurrentHashMap<>();
    /** Validations performed, so tests can prove they validated something. */
    public static final AtomicInteger VALIDATED = new AtomicInteger();

    static {
        Path dir = locate();
        FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
                b -> b.schemaMappers(m -> m.mapPrefix(ID_PREFIX, dir.toUri().toString())));
    }

    private StixSchemas() {
    }

    static Path locate() {
        Path here = Path.of("").toAbsolutePath();
        for (Path p = here; p != null; p = p.getParent()) {
            Path candidate = p.resolve("shared/conformance/stix2.1-json-schemas/schemas");
            if (Files.isRegularFile(candidate.resolve("sdos/report.json"))) {
                return candidate;
            }
        }
        throw new AssertionError("OASIS STIX 2.1 schemas not found above " + here
                + " (expected shared/conformance/stix2.1-json-schemas/schemas)");
    }

    /** Schema errors of one object or bundle; unknown types fail (we only emit types we can check). */
    public static Set<ValidationMessage> errors(JsonNode object) {
        String type = object.path("type").asText();
        String folder = FOLDER.get(type);
        if (folder == null) {
            throw new AssertionError("no schema for STIX type " + type);
        }
        JsonSchema schema = SCHEMAS.computeIfAbsent(type,
                t -> FACTORY.getSchema(SchemaLocation.of(ID_PREFIX + folder + "/" + t + ".json")));
        VALIDATED.incrementAndGet();
        return schema.validate(object);
    }

    public static void assertValid(JsonNode object) {
        Set<ValidationMessage> errors = errors(object);
        assertTrue(errors.isEmpty(), object.path("type").asText() + " " + object.path("id").asText()
                + " is not valid STIX 2.1: " + errors + "\n" + object.toPrettyString());
    }
}
