package org.yaqaza.liaison.demo;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.yaqaza.testsupport.PostgresTestResource;
import org.yaqaza.liaison.Fixtures;
import org.yaqaza.liaison.IntelligenceStub;
import org.yaqaza.liaison.StixSchemas;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * The demo data goes through the services as a liaison officer and the partner system would: the demo partner
 * {@code es-cni} finds releases in its TAXII collection (reports, an intrusion set, a threat actor, indicators and
 * their relationships, a corrected report in two versions, the answer to its RFI), warnings near their deadline and
 * its RFIs, in Arabic and French; all audited as the seed. The releases wait while the intelligence-service is down,
 * leave nothing half done, and are never seeded twice.
 */
@QuarkusTest
class DemoSeedTest {

    private static final String TAXII = "application/taxii+json;version=2.1";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    DemoSeeder seeder;

    @Test
    void theDemoPartnerFindsItsIntelligenceWarningsAndRfis() throws Exception {
        // what the intelligence demo seeder creates for the liaison officer's agency (newest first in its list)
        UUID french = IntelligenceStub.product("Réseaux de passeurs dans le détroit : synthèse",
                "Les traversées en bateau rapide entre Tanger et Tarifa sont organisées par deux réseaux.",
                "RESTRICTED", "HUMAN_TRAFFICKING", "DGST", List.of("DGED"));
        UUID arabic = IntelligenceStub.product("تقييم التهديد: خلية المضيق",
                "خلية وهمية تستقطب شبابا عبر مجموعات مراسلة مشفرة بين طنجة وتطوان.", "CONFIDENTIAL", "TERRORISM",
                "DGST", List.of("DGED"));

        assertTrue(seeder.seedDirectory(), "the demo partner did not exist: seeded");
        assertFalse(seeder.seedDirectory(), "never twice");

        IntelligenceStub.stop();
        try {
            assertFalse(seeder.seedReleases(), "nothing to release while the intelligence-service is down");
            assertTrue(seeder.state().startsWith("waiting for the intelligence-service"), seeder.state());
            assertEquals(0, count("select count(*) from release_recipient where partner_code = 'es-cni'"),
                    "nothing half done");
        } finally {
            IntelligenceStub.restart();
        }
        assertTrue(seeder.seedReleases());
        assertEquals("done", seeder.state());
        long released = count("select count(*) from release_recipient where partner_code = 'es-cni'");
        assertTrue(seeder.seedReleases());
        assertEquals(released, count("select count(*) from release_recipient where partner_code = 'es-cni'"),
                "never seeded twice");

        String partner = Fixtures.partnerToken(DemoSeeder.DEMO_PARTNER, DemoSeeder.DEMO_PARTNER);
        String collection = given().auth().oauth2(partner).accept(TAXII).get("/taxii2/liaison/collections/").then()
                .statusCode(200).extract().path("collections.find { it.can_read }.id");
        JsonNode all = JSON.readTree(given().auth().oauth2(partner).accept(TAXII).queryParam("match[version]", "all")
                .get("/taxii2/liaison/collections/" + collection + "/objects/").then().statusCode(200).extract()
                .asString()).get("objects");
        Set<String> types = new HashSet<>();
        Map<String, Integer> reportVersions = new java.util.HashMap<>();
        StringBuilder text = new StringBuilder();
        for (JsonNode o : all) {
            StixSchemas.assertValid(o);
            types.add(o.get("type").asText());
            if (o.get("type").asText().equals("report")) {
                reportVersions.merge(o.get("id").asText(), 1, Integer::sum);
            }
            text.append(o.path("name").asText()).append(' ');
        }
        assertTrue(types.containsAll(Set.of("report", "intrusion-set", "threat-actor", "indicator", "relationship",
                "identity", "marking-definition")), types.toString());
        assertEquals(3, reportVersions.size(), "two releases and the RFI's answer");
        assertTrue(reportVersions.containsValue(2), "the corrected report in two versions: " + reportVersions);
        assertTrue(text.toString().contains("خلية المضيق") && text.toString().contains("Réseau des Barques"), text
                .toString());

        JsonPath warnings = given().auth().oauth2(partner).get("/api/liaison/partner/warnings").then().statusCode(200)
                .extract().jsonPath();
        assertEquals(3, warnings.getList("$").size());
        Instant now = Instant.now();
        List<String> deadlines = warnings.getList("findAll { it.acknowledgedAt == null }.deadlineAt");
        assertEquals(2, deadlines.size());
        for (String deadline : deadlines) {
            Duration left = Duration.between(now, Instant.parse(deadline));
            assertTrue(!left.isNegative() && left.compareTo(Duration.ofHours(6)) <= 0, "due soon: " + deadline);
        }
        assertTrue(warnings.getList("title").stream().anyMatch(t -> t.toString().startsWith("تحذير")));

        JsonPath rfis = given().auth().oauth2(partner).get("/api/liaison/partner/rfis").then().statusCode(200)
                .extract().jsonPath();
        assertEquals(Set.of("ar", "fr"), new HashSet<>(rfis.getList("language")));
        assertEquals(Set.of("ANSWERED", "ASSIGNED"), new HashSet<>(rfis.getList("status")));
        String answer = rfis.getString("find { it.status == 'ANSWERED' }.answerReleaseId");
        given().auth().oauth2(partner).get("/api/liaison/partner/releases/" + answer).then().statusCode(200);

        // the liaison officers of both agencies see the seeded releases; the audit trail names the seed as the actor
        given().auth().oauth2(Fixtures.liaisonOfficer("SECRET", "DGED")).queryParam("partner", "es-cni")
                .get("/api/liaison/releases").then().statusCode(200)
                .body("items.size()", org.hamcrest.Matchers.greaterThanOrEqualTo(4));
        assertTrue(count("select count(*) from audit_event where subject = 'system:demo-seed' and action = 'RELEASE'")
                >= 3);
        assertTrue(count("select count(*) from audit_event where subject = 'es-cni' and action = 'RECEIVE'") >= 2);
    }

    private static long count(String sql) throws Exception {
        try (Connection c = PostgresTestResource.superuser("liaison"); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
