package org.yaqaza.liaison;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * The marking authority on liaison records: a PUT never lowers a marking (422 naming the route), a raise is applied
 * and audited, only the owning agency re-marks or edits, and a lowering is a request a second supervisor decides.
 */
@QuarkusTest
class LiaisonMarkingTest {

    private static final String OFFICER = Fixtures.OFFICER;
    /** A DGED liaison officer: reads DGST partners shared with DGED, never changes them. */
    private static final String DGED_OFFICER = Fixtures.liaisonOfficer("TOP_SECRET", "DGED");

    private static String partnerBody(String code, String classification, String sharedWith, long version) {
        return """
                {"code":"%s","country":"ES","serviceName":"Centro Nacional de Inteligencia — enlace الرباط",
                 "status":"ACTIVE","classification":"%s","compartments":[],"sharedWith":[%s],"version":%d}"""
                .formatted(code, classification, sharedWith, version);
    }

    private static String createPartner(String code, String classification, String sharedWith) {
        return given().auth().oauth2(OFFICER).contentType(ContentType.JSON)
                .body(partnerBody(code, classification, sharedWith, 0)).post("/api/liaison/partners").then()
                .statusCode(201).extract().path("id");
    }

    private static JsonPath partner(String id) {
        return given().auth().oauth2(OFFICER).get("/api/liaison/partners/" + id).then().statusCode(200).extract()
                .jsonPath();
    }

    @Test
    void aPutThatLowersIsRefusedAndChangesNothing() {
        String code = Fixtures.newCode("mk");
        String id = createPartner(code, "SECRET", "");
        long version = partner(id).getLong("version");

        given().auth().oauth2(OFFICER).contentType(ContentType.JSON)
                .body(partnerBody(code, "RESTRICTED", "", version)).put("/api/liaison/partners/" + id).then()
                .statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("urn:yaqaza:problem:downgrade-required"))
                .body("detail", containsString("POST /api/liaison/marking-requests"));
        given().auth().oauth2(OFFICER).contentType(ContentType.JSON)
                .body(partnerBody(code, "SECRET", "\"DGED\"", version)).put("/api/liaison/partners/" + id).then()
                .statusCode(422).body("type", equalTo("urn:yaqaza:problem:downgrade-required"));

        JsonPath after = partner(id);
        assertEquals("SECRET", after.getString("classification"));
        assertEquals(List.of(), after.getList("sharedWith"));
        assertEquals(version, after.getLong("version"));
    }

    @Test
    void aRaiseIsAppliedAndAuditedWithOldAndNew() {
        String code = Fixtures.newCode("mk");
        String id = createPartner(code, "RESTRICTED", "");
        given().auth().oauth2(OFFICER).contentType(ContentType.JSON)
                .body(partnerBody(code, "SECRET", "", partner(id).getLong("version")))
                .put("/api/liaison/partners/" + id).then().statusCode(200).body("classification", equalTo("SECRET"));
        String detail = Fixtures.audit(id).getString("items.find { it.action == 'MARKING_RAISE' }.detail");
        assertTrue(detail != null && detail.contains("RESTRICTED") && detail.contains("-> SECRET"), detail);
    }

    @Test
    void anAgencyTheRecordIsSharedWithReadsButNeverChangesIt() {
        String code = Fixtures.newCode("mk");
        String id = createPartner(code, "CONFIDENTIAL", "\"DGED\"");
        long version = partner(id).getLong("version");
        given().auth().oauth2(DGED_OFFICER).get("/api/liaison/partners/" + id).then().statusCode(200);

        given().auth().oauth2(DGED_OFFICER).contentType(ContentType.JSON)
                .body(partnerBody(code, "CONFIDENTIAL", "\"DGED\"", version)).put("/api/liaison/partners/" + id)
                .then().statusCode(403).body("type", equalTo("urn:yaqaza:problem:owner-agency-only"));
        given().auth().oauth2(DGED_OFFICER).contentType(ContentType.JSON)
                .body(partnerBody(code, "SECRET", "\"DGED\"", version)).put("/api/liaison/partners/" + id)
                .then().statusCode(403);
        // nor asks for a new marking: only the owning agency does
        given().auth().oauth2(DGED_OFFICER).contentType(ContentType.JSON)
                .body(request("partner", id, "RESTRICTED", "\"DGED\"")).post("/api/liaison/marking-requests")
                .then().statusCode(403).body("type", equalTo("urn:yaqaza:problem:marking-owner-only"));

        JsonPath after = partner(id);
        assertEquals("CONFIDENTIAL", after.getString("classification"));
        assertEquals(version, after.getLong("version"));
    }

    @Test
    void aDowngradeIsDecidedByASecondSupervisorOfTheOwningAgency() {
        String code = Fixtures.newCode("mk");
        String id = createPartner(code, "SECRET", "");
        String request = given().auth().oauth2(OFFICER).contentType(ContentType.JSON)
                .body(request("partner", id, "RESTRICTED", "\"DGED\"")).post("/api/liaison/marking-requests")
                .then().statusCode(201).body("status", equalTo("PENDING")).extract().path("id");
        assertEquals("SECRET", partner(id).getString("classification"));

        // the requester cannot decide, nor can a liaison officer who is not a supervisor
        given().auth().oauth2(OFFICER).contentType(ContentType.JSON).body("{}")
                .post("/api/liaison/marking-requests/" + request + "/approve").then().statusCode(403)
                .body("type", equalTo("urn:yaqaza:problem:four-eyes"));
        String dgedSupervisor = org.yaqaza.testsupport.PostgresTestResource.primary().token().subject("sup-dged")
                .roles("supervisor").clearance("TOP_SECRET").agency("DGED").sign();
        // a supervisor of another agency does not even see the request (it is marked like the partner)
        given().auth().oauth2(dgedSupervisor).contentType(ContentType.JSON).body("{}")
                .post("/api/liaison/marking-requests/" + request + "/approve").then().statusCode(404);
        assertEquals("SECRET", partner(id).getString("classification"));

        given().auth().oauth2(Fixtures.supervisor("sup-mk-" + UUID.randomUUID())).contentType(ContentType.JSON)
                .body("{\"note\":\"accord du chef de service\"}")
                .post("/api/liaison/marking-requests/" + request + "/approve").then().statusCode(200)
                .body("status", equalTo("APPROVED"));
        JsonPath after = partner(id);
        assertEquals("RESTRICTED", after.getString("classification"));
        assertEquals(List.of("DGED"), after.getList("sharedWith"));
        String detail = Fixtures.audit(id).getString("items.find { it.action == 'MARKING_DOWNGRADE' }.detail");
        assertTrue(detail != null && detail.contains("SECRET") && detail.contains("-> RESTRICTED"), detail);
    }

    @Test
    void aReleasedVersionKeepsItsMarking() {
        String recipient = Fixtures.partnerWithAgreement("SECRET", "TERRORISM");
        String release = Fixtures.released(IntelligenceStub.product("RESTRICTED", "TERRORISM"), "GREEN", recipient);
        given().auth().oauth2(OFFICER).contentType(ContentType.JSON)
                .body(request("release", release, "UNCLASSIFIED", "")).post("/api/liaison/marking-requests")
                .then().statusCode(409).body("detail", containsString("correction"));
        // nor may another agency act on a release of DGST
        given().auth().oauth2(DGED_OFFICER).contentType(ContentType.JSON).body("{\"reason\":\"x\"}")
                .post("/api/liaison/releases/" + release + "/corrections").then().statusCode(404);
    }

    private static String request(String type, String id, String classification, String sharedWith) {
        return """
                {"objectType":"%s","objectId":"%s","classification":"%s","compartments":[],"sharedWith":[%s],
                 "reason":"تم رفع السرية بعد انتهاء العملية — operation closed"}"""
                .formatted(type, id, classification, sharedWith);
    }
}
