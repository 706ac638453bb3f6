package org.yaqaza.liaison;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;

import org.yaqaza.liaison.taxii.TaxiiStore;

/** TAXII 2.1: media types, status codes, filters, date-added headers, versions, inbox, and exact paging. */
@QuarkusTest
class TaxiiTest {

    private static final String TAXII = "application/taxii+json;version=2.1";
    private static final String ROOT = "/taxii2/liaison/";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    TaxiiStore store;

    private static String readCollection(String token) {
        return given().auth().oauth2(token).accept(TAXII).get(ROOT + "collections/").then().statusCode(200)
                .extract().path("collections.find { it.can_read }.id");
    }

    private static String inbox(String token) {
        return given().auth().oauth2(token).accept(TAXII).get(ROOT + "collections/").then().statusCode(200)
                .extract().path("collections.find { it.can_write }.id");
    }

    @Test
    void discoveryApiRootAndCollectionsSpeakTaxii() {
        String partner = Fixtures.partnerWithAgreement("SECRET", "TERRORISM");
        String token = Fixtures.partnerToken(partner);
        given().auth().oauth2(token).accept(TAXII).get("/taxii2/").then().statusCode(200)
                .contentType(startsWith("application/taxii+json")).body("api_roots[0]", notNullValue())
                .body("default", org.hamcrest.Matchers.endsWith("/taxii2/liaison/"));
        given().auth().oauth2(token).accept(TAXII).get(ROOT).then().statusCode(200)
                .body("versions", hasItem(TAXII));
        given().auth().oauth2(token).accept(TAXII).get(ROOT + "collections/").then().statusCode(200)
                .body("collections", hasSize(2)).body("collections.media_types.flatten()",
                        everyItem(equalTo("application/stix+json;version=2.1")));
        String collection = readCollection(token);
        given().auth().oauth2(token).accept(TAXII).get(ROOT + "collections/" + collection + "/").then()
                .statusCode(200).body("can_read", equalTo(true)).body("can_write", equalTo(false));
    }

    @Test
    void statusCodesAndMediaTypes() {
        String partner = Fixtures.partnerWithAgreement("SECRET", "TERRORISM");
        String token = Fixtures.partnerToken(partner);
        String collection = readCollection(token);
        String objects = ROOT + "collections/" + collection + "/objects/";
        // 401 without a token, 403 for internal roles
        given().accept(TAXII).get(objects).then().statusCode(401);
        // HTTP Basic is exchanged at the gateway only: sent here directly, it is a missing bearer token
        given().auth().preemptive().basic(partner + "-client", "a-partner-secret").accept(TAXII).get(objects).then()
                .statusCode(401).contentType("application/problem+json").header("WWW-Authenticate", "Bearer");
        given().auth().oauth2(Fixtures.OFFICER).accept(TAXII).get(objects).then().statusCode(403);
        // 406 on a wrong Accept, 200 with the TAXII type or no preference
        given().auth().oauth2(token).accept("application/json").get(objects).then().statusCode(406)
                .contentType("application/problem+json");
        given().auth().oauth2(token).accept("application/taxii+json;version=2.0").get(objects).then()
                .statusCode(406);
        given().auth().oauth2(token).accept(TAXII).get(objects).then().statusCode(200)
                .contentType(startsWith("application/taxii+json"));
        // 400 on malformed filters
        for (String[] bad : new String[][] { { "added_after", "yesterday" }, { "limit", "0" }, { "limit", "many" },
                { "next", "abc" }, { "match[id]", "not-an-id" }, { "match[version]", "sometimes" },
                { "match[type]", "Report!" }, { "match[spec_version]", "two" } }) {
            given().auth().oauth2(token).accept(TAXII).queryParam(bad[0], bad[1]).get(objects).then()
                    .statusCode(400).contentType("application/problem+json");
        }
        // 404 for an unknown object and a collection that is not the partner's
        given().auth().oauth2(token).accept(TAXII).get(objects + "report--" + UUID.randomUUID() + "/").then()
                .statusCode(404);
        given().auth().oauth2(token).accept(TAXII).get(ROOT + "collections/" + UUID.randomUUID() + "/objects/")
                .then().statusCode(404);
        // 403 for writing to a read collection and reading the inbox; 415 for a wrong Content-Type
        String envelope = "{\"objects\":[]}";
        given().auth().oauth2(token).accept(TAXII).contentType(TAXII).body(envelope).post(objects).then()
                .statusCode(403);
        given().auth().oauth2(token).accept(TAXII).get(ROOT + "collections/" + inbox(token) + "/objects/").then()
                .statusCode(403);
        given().auth().oauth2(token).accept(TAXII).contentType("application/json").body(envelope)
                .post(ROOT + "collections/" + inbox(token) + "/objects/").then().statusCode(415);
        given().auth().oauth2(token).accept(TAXII).contentType(TAXII).body("{not json")
                .post(ROOT + "collections/" + inbox(token) + "/objects/").then().statusCode(400);
    }

    @Test
    void inboxAcceptsStixAndAnswersWithAStatusResource() throws Exception {
        String partner = Fixtures.partnerWithAgreement("SECRET", "TERRORISM");
        String token = Fixtures.partnerToken(partner);
        String reportId = "report--" + UUID.randomUUID();
        String indicatorId = "indicator--" + UUID.randomUUID();
        String envelope = """
                {"objects":[
                  {"type":"report","spec_version":"2.1","id":"%s","created":"2026-03-01T10:00:00.000Z",
                   "modified":"2026-03-01T10:00:00.000Z","name":"Red de captación en Ceuta","lang":"es",
                   "published":"2026-03-01T10:00:00.000Z","object_refs":["%s"],
                   "object_marking_refs":["marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421"]},
                  {"type":"indicator","spec_version":"2.1","id":"%s","created":"2026-03-01T10:00:00.000Z",
                   "modified":"2026-03-01T10:00:00.000Z","name":"Canal de captación","pattern_type":"stix",
                   "pattern":"[domain-name:value = 'captacion.example']","valid_from":"2026-03-01T10:00:00Z"},
                  {"type":"indicator","id":"not-an-id"}]}""".formatted(reportId, indicatorId, indicatorId);
        ExtractableResponse<Response> status = given().auth().oauth2(token).accept(TAXII).contentType(TAXII)
                .body(envelope.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .post(ROOT + "collections/" + inbox(token) + "/objects/").then().statusCode(202)
                .contentType(startsWith("application/taxii+json")).body("status", equalTo("complete"))
                .body("total_count", equalTo(3)).body("success_count", equalTo(2))
                .body("failure_count", equalTo(1)).body("successes.id", hasItem(reportId)).extract();
        String statusId = status.path("id");
        given().auth().oauth2(token).accept(TAXII).get(ROOT + "status/" + statusId + "/").then().statusCode(200)
                .body("id", equalTo(statusId)).body("success_count", equalTo(2));
        String other = Fixtures.partnerToken(Fixtures.partnerWithAgreement("SECRET", "TERRORISM"));
        given().auth().oauth2(other).accept(TAXII).get(ROOT + "status/" + statusId + "/").then().statusCode(404);
        // the STIX objects became partner intelligence, on its way to the intelligence-service
        given().auth().oauth2(token).get("/api/liaison/partner/intelligence").then().statusCode(200)
                .body("find { it.channel == 'TAXII' }.title", equalTo("Red de captación en Ceuta"))
                .body("find { it.channel == 'TAXII' }.language", equalTo("es"))
                .body("find { it.channel == 'TAXII' }.tlp", equalTo("AMBER"));
    }

    @Test
    void versionsManifestFiltersAndDateAddedHeaders() {
        String partner = Fixtures.partnerWithAgreement("SECRET", "TERRORISM");
        String token = Fixtures.partnerToken(partner);
        UUID product = IntelligenceStub.product("RESTRICTED", "TERRORISM");
        String release = StixValidationTest.releaseWithStixContent(partner, product, "GREEN");
        IntelligenceStub.changeProduct(product, "Corrected assessment");
        String v2 = given().auth().oauth2(Fixtures.OFFICER).contentType("application/json")
                .body("{\"reason\":\"new travel route\"}").post("/api/liaison/releases/" + release + "/corrections")
                .then().statusCode(201).extract().path("id");
        given().auth().oauth2(Fixtures.OFFICER).post("/api/liaison/releases/" + v2 + "/submit").then()
                .statusCode(200);
        String collection = readCollection(token);
        String base = ROOT + "collections/" + collection;
        String reportId = "report--" + release;

        ExtractableResponse<Response> all = given().auth().oauth2(token).accept(TAXII).get(base + "/objects/")
                .then().statusCode(200).header("X-TAXII-Date-Added-First", notNullValue())
                .header("X-TAXII-Date-Added-Last", notNullValue()).extract();
        assertFalse(Instant.parse(all.header("X-TAXII-Date-Added-First"))
                .isAfter(Instant.parse(all.header("X-TAXII-Date-Added-Last"))));
        // latest versions only by default: one report, the corrected one
        List<String> reportNames = all.path("objects.findAll { it.type == 'report' }.name");
        assertEquals(List.of("Corrected assessment"), reportNames);

        given().auth().oauth2(token).accept(TAXII).get(base + "/objects/" + reportId + "/versions/").then()
                .statusCode(200).body("versions", hasSize(2));
        given().auth().oauth2(token).accept(TAXII).queryParam("match[version]", "all")
                .get(base + "/objects/" + reportId + "/").then().statusCode(200).body("objects", hasSize(2));
        given().auth().oauth2(token).accept(TAXII).queryParam("match[version]", "first")
                .get(base + "/objects/" + reportId + "/").then().statusCode(200)
                .body("objects[0].name", equalTo("تقييم: خلية تجنيد عبر الإنترنت في الشمال"));
        String firstVersion = given().auth().oauth2(token).accept(TAXII).queryParam("match[version]", "first")
                .get(base + "/objects/" + reportId + "/").then().extract().path("objects[0].modified");
        given().auth().oauth2(token).accept(TAXII).queryParam("match[version]", firstVersion)
                .get(base + "/objects/" + reportId + "/").then().statusCode(200).body("objects", hasSize(1))
                .body("objects[0].modified", equalTo(firstVersion));

        given().auth().oauth2(token).accept(TAXII).queryParam("match[type]", "indicator,threat-actor")
                .get(base + "/objects/").then().statusCode(200)
                .body("objects.type", everyItem(org.hamcrest.Matchers.oneOf("indicator", "threat-actor")));
        given().auth().oauth2(token).accept(TAXII).queryParam("match[id]", reportId)
                .get(base + "/objects/").then().statusCode(200).body("objects", hasSize(1));
        given().auth().oauth2(token).accept(TAXII).queryParam("match[spec_version]", "2.0")
                .get(base + "/objects/").then().statusCode(200).body("objects", org.hamcrest.Matchers.nullValue());
        given().auth().oauth2(token).accept(TAXII).get(base + "/manifest/").then().statusCode(200)
                .header("X-TAXII-Date-Added-First", notNullValue())
                .body("objects.id", hasItem(reportId))
                .body("objects.media_type", everyItem(equalTo("application/stix+json;version=2.1")))
                .body("objects.date_added", everyItem(notNullValue()));
        // added_after the last date added: nothing new
        String last = all.header("X-TAXII-Date-Added-Last");
        given().auth().oauth2(token).accept(TAXII).queryParam("added_after", last).get(base + "/objects/").then()
                .statusCode(200).body("objects", org.hamcrest.Matchers.nullValue());
    }

    /** The page and its audit event share one transaction: exactly one event per page, refusals audited too. */
    @Test
    void everyObjectsPageIsAuditedExactlyOnce() {
        String partner = Fixtures.partnerWithAgreement("SECRET", "TERRORISM");
        String token = Fixtures.partnerToken(partner);
        QuarkusTransaction.requiringNew().run(() -> store.add(partner, null, indicators(3)));
        String objects = ROOT + "collections/" + readCollection(token) + "/objects/";
        given().auth().oauth2(token).accept(TAXII).get(objects).then().statusCode(200).body("objects", hasSize(3));
        given().auth().oauth2(token).accept(TAXII).queryParam("limit", "none").get(objects).then().statusCode(400);
        List<String> details = given().auth().oauth2(Fixtures.auditor()).queryParam("actor", partner + "-client")
                .queryParam("objectType", "partner-request").get("/api/liaison/audit").then().statusCode(200)
                .extract().path("items.detail");
        assertEquals(1, details.stream().filter(("GET " + objects + " -> 200")::equals).count(), details::toString);
        assertEquals(1, details.stream().filter(("GET " + objects + " -> 400")::equals).count(), details::toString);
    }

    /**
     * Walks {@code next} through 1,000 objects while another writer keeps adding objects: each object is seen
     * exactly once, and what was added during the walk is found by the follow-up poll (added_after).
     */
    @Test
    void pagingNeverSkipsOrRepeatsWhileObjectsAreAdded() throws Exception {
        String partner = Fixtures.partnerWithAgreement("SECRET", "TERRORISM");
        String token = Fixtures.partnerToken(partner);
        List<String> expected = new ArrayList<>();
        for (int batch = 0; batch < 10; batch++) {
            List<ObjectNode> objects = indicators(100);
            objects.forEach(o -> expected.add(o.get("id").asText()));
            QuarkusTransaction.requiringNew().run(() -> store.add(partner, null, objects));
        }
        List<String> addedDuringWalk = java.util.Collections.synchronizedList(new ArrayList<>());
        AtomicReference<Throwable> writerFailure = new AtomicReference<>();
        Thread writer = new Thread(() -> {
            try {
                for (int i = 0; i < 60; i++) {
                    List<ObjectNode> objects = indicators(5);
                    QuarkusTransaction.requiringNew().run(() -> store.add(partner, null, objects));
                    objects.forEach(o -> addedDuringWalk.add(o.get("id").asText()));
                    Thread.sleep(15);
                }
            } catch (Throwable t) {
                writerFailure.set(t);
            }
        });
        String objects = ROOT + "collections/" + readCollection(token) + "/objects/";
        List<String> seen = new ArrayList<>();
        String next = null;
        String lastAdded = null;
        writer.start();
        do {
            var request = given().auth().oauth2(token).accept(TAXII).queryParam("limit", 37);
            if (next != null) {
                request = request.queryParam("next", next);
            }
            ExtractableResponse<Response> page = request.get(objects).then().statusCode(200).extract();
            List<String> ids = page.path("objects.id");
            if (ids != null) {
                seen.addAll(ids);
                lastAdded = page.header("X-TAXII-Date-Added-Last");
            }
            Boolean more = page.path("more");
            next = Boolean.TRUE.equals(more) ? page.path("next") : null;
        } while (next != null);
        writer.join();
        if (writerFailure.get() != null) {
            throw new AssertionError(writerFailure.get());
        }
        assertTrue(seen.containsAll(expected), "every object present before the walk was seen");
        // the rest of what was added: poll from the last date added, again by pages
        next = null;
        do {
            var request = given().auth().oauth2(token).accept(TAXII).queryParam("limit", 50)
                    .queryParam("added_after", lastAdded);
            if (next != null) {
                request = request.queryParam("next", next);
            }
            ExtractableResponse<Response> page = request.get(objects).then().statusCode(200).extract();
            List<String> ids = page.path("objects.id");
            if (ids != null) {
                seen.addAll(ids);
            }
            next = Boolean.TRUE.equals(page.path("more")) ? page.path("next") : null;
        } while (next != null);
        Set<String> unique = new HashSet<>(seen);
        assertEquals(seen.size(), unique.size(), "no object seen twice");
        Set<String> all = new HashSet<>(expected);
        all.addAll(addedDuringWalk);
        assertEquals(all, unique, "every object seen exactly once");
        assertEquals(1300, unique.size());
    }

    static List<ObjectNode> indicators(int n) {
        List<ObjectNode> list = new ArrayList<>();
        String now = org.yaqaza.liaison.stix.StixMapper.time(Instant.now());
        for (int i = 0; i < n; i++) {
            ObjectNode o = JSON.createObjectNode();
            o.put("type", "indicator");
            o.put("spec_version", "2.1");
            o.put("id", "indicator--" + UUID.randomUUID());
            o.put("created", now);
            o.put("modified", now);
            o.put("name", "Paging test indicator");
            o.put("pattern", "[ipv4-addr:value = '198.51.100." + (i % 250) + "']");
            o.put("pattern_type", "stix");
            o.put("valid_from", now);
            list.add(o);
        }
        return list;
    }
}
