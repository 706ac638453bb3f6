package org.yaqaza.prevention;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.yaqaza.testsupport.PostgresTestResource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;

/**
 * Who may change a prevention record's marking and content (issue 15): a raise by an edit at once, a lowering
 * never by an edit, only through a marking request decided by a second prevention supervisor of the owning agency;
 * an agency a record is shared with reads it and never writes it; marking requests about participants are case
 * data, out of reach of every intelligence account. Every refusal leaves the row as it was.
 */
@QuarkusTest
class MarkingRulesTest {

    private static final String PROGRAMMES = "/api/prevention/programmes/";
    private static final String REQUESTS = "/api/prevention/marking-requests";
    private static final String OFFICER = Fixtures.officer();
    private static final String SUPERVISOR = token("mk-prev-supervisor", "SECRET", "MHAI", "supervisor");
    private static final String SECOND_SUPERVISOR = token("mk-prev-supervisor-2", "SECRET", "MHAI", "supervisor");
    /** A prevention officer of an agency records are shared with: prevention staff, not of the owning agency. */
    private static final String DGST_OFFICER = token("mk-dgst-officer", "SECRET", "DGST", "prevention-officer");
    /** The intelligence supervisor of the agency the participant is shared with: never prevention staff. */
    private static final String DGST_SUPERVISOR = token("mk-dgst-supervisor", "TOP_SECRET", "DGST", "supervisor");
    /** A supervisor of the prevention agency who also holds an intelligence role: the firewall refuses them too. */
    private static final String BRIDGING_SUPERVISOR = token("mk-bridge", "TOP_SECRET", "MHAI", "supervisor",
            "analyst");

    @Inject
    DataSource dataSource;

    private static String token(String subject, String clearance, String agency, String... roles) {
        return PostgresTestResource.primary().token().subject(subject).roles(roles).clearance(clearance)
                .agency(agency).sign();
    }

    private static String programmeBody(String name, String classification, String sharedWith, long version) {
        return """
                {"kind":"YOUTH_OUTREACH","name":"%s","institution":"Maison des jeunes de Tétouan",
                 "region":"Tanger-Tétouan-Al Hoceïma","capacity":30,"classification":"%s","compartments":[],
                 "sharedWith":[%s],"version":%d}""".formatted(name, classification, sharedWith, version);
    }

    private static ValidatableResponse putProgramme(String token, String id, String body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body).put(PROGRAMMES + id).then();
    }

    private static JsonPath read(String token, String path) {
        return given().auth().oauth2(token).get(path).then().statusCode(200).extract().jsonPath();
    }

    private static ValidatableResponse request(String token, String objectType, String id, String classification,
            String sharedWith) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body("""
                {"objectType":"%s","objectId":"%s","classification":"%s","compartments":[],"sharedWith":[%s],
                 "reason":"انتهت المتابعة القضائية؛ يكفي تصنيف أدنى"}"""
                .formatted(objectType, id, classification, sharedWith)).post(REQUESTS).then();
    }

    private static ValidatableResponse decide(String token, String requestId, String decision) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"note\":\"موافق\"}")
                .post(REQUESTS + "/" + requestId + "/" + decision).then();
    }

    private static JsonPath audit(String objectType, String objectId) {
        String auditor = token("mk-auditor", "TOP_SECRET", "MHAI", "auditor");
        return given().auth().oauth2(auditor).queryParam("objectType", objectType).queryParam("objectId", objectId)
                .queryParam("limit", 1000).get("/api/prevention/audit").then().statusCode(200).extract()
                .jsonPath();
    }

    /** A CONFIDENTIAL participant of the prevention agency shared with DGST: returns its view. */
    private static JsonPath sharedParticipant(String nameAr, String nameLatin, String nationalId) {
        String code = given().auth().oauth2(OFFICER).contentType(ContentType.JSON).body("""
                {"identity":%s,"classification":"CONFIDENTIAL","sharedWith":["DGST"],
                 "consents":[{"scope":"PARTICIPATION","givenOn":"2024-01-02"}]}"""
                .formatted(Fixtures.identity(nameAr, nameLatin, nationalId))).post("/api/prevention/participants")
                .then().statusCode(201).extract().path("code");
        return read(OFFICER, "/api/prevention/participants/" + code);
    }

    @Test
    void aRaiseThroughAnEditIsAppliedAndAuditedWithTheOldAndNewMarking() {
        String id = Fixtures.createProgramme(OFFICER, programmeBody("توعية الشباب", "RESTRICTED", "\"DGST\"", 0));
        putProgramme(OFFICER, id, programmeBody("توعية الشباب", "CONFIDENTIAL", "", 0)).statusCode(200)
                .body("classification", equalTo("CONFIDENTIAL")).body("sharedWith", equalTo(List.of()));
        JsonPath audit = audit("programme", id);
        assertTrue(audit.getList("items.action").containsAll(List.of("CREATE", "MARKING_RAISE", "UPDATE")),
                audit.prettify());
        assertEquals("RESTRICTED [] shared [DGST] -> CONFIDENTIAL [] shared []",
                audit.getString("items.find { it.action == 'MARKING_RAISE' }.detail"));
    }

    @Test
    void aLoweringThroughAnEditIsRefusedNamingTheRequestRouteAndTheRowIsUnchanged() {
        String id = Fixtures.createProgramme(OFFICER, programmeBody("برنامج أصلي", "CONFIDENTIAL", "", 0));
        for (String body : List.of(programmeBody("x", "RESTRICTED", "", 0),
                programmeBody("x", "CONFIDENTIAL", "\"DGST\"", 0),
                // higher in one respect, wider in another: still a lowering
                programmeBody("x", "SECRET", "\"DGST\"", 0))) {
            putProgramme(OFFICER, id, body).statusCode(422).contentType("application/problem+json")
                    .body("type", equalTo("urn:yaqaza:problem:downgrade-required"))
                    .body("detail", containsString("POST /api/prevention/marking-requests"));
        }
        JsonPath after = read(OFFICER, PROGRAMMES + id);
        assertEquals(0, after.getInt("version"));
        assertEquals("برنامج أصلي", after.getString("name"));
        assertEquals("CONFIDENTIAL", after.getString("classification"));
        assertEquals(List.of(), after.getList("sharedWith"));
    }

    @Test
    void anAgencyAProgrammeIsSharedWithReadsItButNeverWritesIt() {
        String id = Fixtures.createProgramme(OFFICER, programmeBody("برنامج مشترك", "RESTRICTED", "\"DGST\"", 0));
        read(DGST_OFFICER, PROGRAMMES + id);
        putProgramme(DGST_OFFICER, id, programmeBody("تعديل خارجي", "RESTRICTED", "\"DGST\"", 0)).statusCode(403)
                .body("type", equalTo("urn:yaqaza:problem:owner-agency-only"));
        given().auth().oauth2(DGST_OFFICER).contentType(ContentType.JSON)
                .body("{\"code\":\"M9\",\"title\":\"وحدة دخيلة\",\"requiredSessions\":2}")
                .post(PROGRAMMES + id + "/modules").then().statusCode(403)
                .body("type", equalTo("urn:yaqaza:problem:owner-agency-only"));
        given().auth().oauth2(DGST_OFFICER).contentType(ContentType.JSON)
                .body("{\"name\":\"Édition parallèle\",\"startsOn\":\"2024-03-01\"}")
                .post(PROGRAMMES + id + "/editions").then().statusCode(403)
                .body("type", equalTo("urn:yaqaza:problem:owner-agency-only"));
        // nor may it ask for another marking: marking and sharing are the owner's
        request(DGST_OFFICER, "programme", id, "RESTRICTED", "\"DGST\",\"DGSN\"").statusCode(403)
                .body("type", equalTo("urn:yaqaza:problem:marking-owner-only"));
        JsonPath after = read(OFFICER, PROGRAMMES + id);
        assertEquals(0, after.getInt("version"));
        assertEquals("برنامج مشترك", after.getString("name"));
        assertEquals(List.of(), read(OFFICER, PROGRAMMES + id + "/modules").getList("id"));
        assertEquals(List.of(), read(OFFICER, PROGRAMMES + id + "/editions").getList("id"));
    }

    @Test
    void anAgencyAParticipantIsSharedWithNeverChangesTheCaseRecord() {
        JsonPath participant = sharedParticipant("سعيد المشترك", "Said Mouchtarak", "MK300001");
        String code = participant.getString("code");
        read(DGST_OFFICER, "/api/prevention/participants/" + code);
        given().auth().oauth2(DGST_OFFICER).contentType(ContentType.JSON)
                .body("{\"scope\":\"FOLLOW_UP\",\"givenOn\":\"2024-02-01\"}")
                .post("/api/prevention/participants/" + code + "/consents").then().statusCode(403)
                .body("type", equalTo("urn:yaqaza:problem:owner-agency-only"));
        given().auth().oauth2(DGST_OFFICER).contentType(ContentType.JSON)
                .body("{\"kind\":\"EMPLOYMENT\",\"achievedOn\":\"2024-03-01\"}")
                .post("/api/prevention/participants/" + code + "/milestones").then().statusCode(403)
                .body("type", equalTo("urn:yaqaza:problem:owner-agency-only"));
        request(DGST_OFFICER, "participant", participant.getString("id"), "RESTRICTED", "\"DGST\"")
                .statusCode(403).body("type", equalTo("urn:yaqaza:problem:marking-owner-only"));
        JsonPath after = read(OFFICER, "/api/prevention/participants/" + code);
        assertEquals(participant.getLong("version"), after.getLong("version"));
        assertEquals("NONE", after.getString("consent.FOLLOW_UP"), after.prettify());
        assertEquals("CONFIDENTIAL", after.getString("classification"));
    }

    @Test
    void aParticipantIsDowngradedOnlyByASecondPreventionSupervisorOfTheOwningAgency() {
        JsonPath participant = sharedParticipant("خديجة التصنيف", "Khadija Tasnif", "MK300002");
        String id = participant.getString("id");
        String code = participant.getString("code");
        String requestId = request(OFFICER, "participant", id, "RESTRICTED", "\"DGST\"").statusCode(201)
                .body("status", equalTo("PENDING")).extract().path("id");
        // a prevention officer does not decide; nor does the supervisor who asked for a second lowering
        decide(OFFICER, requestId, "approve").statusCode(403);
        assertEquals("CONFIDENTIAL", read(OFFICER, "/api/prevention/participants/" + code)
                .getString("classification"));
        decide(SUPERVISOR, requestId, "approve").statusCode(200).body("status", equalTo("APPROVED"));
        JsonPath after = read(OFFICER, "/api/prevention/participants/" + code);
        assertEquals("RESTRICTED", after.getString("classification"));
        assertEquals(List.of("DGST"), after.getList("sharedWith"));
        assertEquals("CONFIDENTIAL [] shared [DGST] -> RESTRICTED [] shared [DGST] (request " + requestId + ")",
                audit("participant", id).getString("items.find { it.action == 'MARKING_DOWNGRADE' }.detail"));

        String ownRequest = request(SUPERVISOR, "participant", id, "RESTRICTED", "\"DGST\",\"DGSN\"")
                .statusCode(201).extract().path("id");
        decide(SUPERVISOR, ownRequest, "approve").statusCode(403);
        decide(SECOND_SUPERVISOR, ownRequest, "reject").statusCode(200).body("status", equalTo("REJECTED"));
        assertEquals(List.of("DGST"), read(OFFICER, "/api/prevention/participants/" + code).getList("sharedWith"));
    }

    @Test
    void requestsAboutParticipantsAreCaseDataNoIntelligenceAccountReaches() {
        JsonPath participant = sharedParticipant("عمر الجدار", "Omar Jidar", "MK300003");
        String requestId = request(OFFICER, "participant", participant.getString("id"), "RESTRICTED", "\"DGST\"")
                .statusCode(201).extract().path("id");
        read(SUPERVISOR, REQUESTS + "/" + requestId);
        assertTrue(read(SUPERVISOR, REQUESTS + "?objectType=participant").getList("items.id").contains(requestId));
        // DGST may see the participant's marking but is not prevention staff: the door is shut, whatever the id
        for (String outsider : List.of(DGST_SUPERVISOR, BRIDGING_SUPERVISOR)) {
            given().auth().oauth2(outsider).get(REQUESTS).then().statusCode(403);
            given().auth().oauth2(outsider).get(REQUESTS + "/" + requestId).then().statusCode(403);
            decide(outsider, requestId, "approve").statusCode(403);
            request(outsider, "participant", participant.getString("id"), "UNCLASSIFIED", "\"DGST\"")
                    .statusCode(403);
        }
        // prevention staff of an agency the participant is not shared with learn nothing of the request either
        String dgsnOfficer = token("mk-dgsn-officer", "SECRET", "DGSN", "prevention-officer");
        given().auth().oauth2(dgsnOfficer).get(REQUESTS + "/" + requestId).then().statusCode(404);
        assertFalse(read(dgsnOfficer, REQUESTS).getList("items.id").contains(requestId));
        given().auth().oauth2(SUPERVISOR).get(REQUESTS + "/" + requestId).then().body("status", equalTo("PENDING"))
                .body("objectType", equalTo("participant"));
        List<Object> actions = audit("marking-request", requestId).getList("items.action");
        assertTrue(actions.contains("MARKING_REQUEST"), actions.toString());
        assertFalse(actions.contains("MARKING_REQUEST_APPROVE"), actions.toString());
        assertTrue(read(OFFICER, REQUESTS).getList("items.objectType").stream().allMatch(
                t -> List.of("programme", "participant").contains(t)));
        given().auth().oauth2(OFFICER).get(REQUESTS + "?status=PENDING").then().statusCode(200)
                .body("items.id", hasItem(requestId));
    }

    @Test
    void theDatabaseRefusesANewOwnerAndARewrittenReferralOrigin() throws SQLException {
        String programme = Fixtures.createProgramme(OFFICER, programmeBody("برنامج ثابت", "RESTRICTED", "", 0));
        String referral = ReferralHandoverTest.refer();
        try (Connection c = dataSource.getConnection()) {
            for (String sql : List.of("UPDATE programme SET owner_agency = 'DGSN' WHERE id = ?",
                    "UPDATE referral SET referring_agency = 'DGSN' WHERE id = ?",
                    "UPDATE referral SET referred_by = 'someone-else', purpose = 'غرض آخر' WHERE id = ?")) {
                String id = sql.contains("programme") ? programme : referral;
                SQLException refused = assertThrows(SQLException.class, () -> {
                    try (PreparedStatement update = c.prepareStatement(sql)) {
                        update.setObject(1, UUID.fromString(id));
                        update.executeUpdate();
                    }
                }, sql);
                assertTrue(refused.getMessage().contains("never changes"), refused.getMessage());
            }
        }
        assertEquals("MHAI", read(OFFICER, PROGRAMMES + programme).getString("ownerAgency"));
    }
}
