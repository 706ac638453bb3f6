package org.yaqaza.prevention;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import org.junit.jupiter.api.Test;
import org.yaqaza.testsupport.PostgresTestResource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
class ReferralHandoverTest {

    private static final String INTEL_SUPERVISOR = Fixtures.supervisor("DGST");

    private static String preventionSupervisor(String name) {
        return PostgresTestResource.primary().token().subject(name).roles("supervisor").clearance("SECRET")
                .agency("MHAI").sign();
    }

    private static String auditor() {
        return PostgresTestResource.primary().token().subject("auditor-1").roles("auditor").clearance("TOP_SECRET")
                .sign();
    }

    static String refer() {
        String body = """
                {"programmeKind":"PRISON_RECONCILIATION","region":"Fès-Meknès",
                 "purpose":"Detainee expressed wish to join Moussalaha; referred for assessment",
                 "summary":"أبدى رغبته في المراجعة الفكرية",
                 "identity":%s}""".formatted(Fixtures.identity("سعيد المراكشي", "Said El Marrakchi", "RF771204"));
        return given().auth().oauth2(INTEL_SUPERVISOR).contentType(ContentType.JSON).body(body)
                .post("/api/prevention/referrals").then().statusCode(201).body("status", equalTo("PENDING"))
                .extract().path("id");
    }

    @Test
    void onlyAPreventionSupervisorApprovesAReferralAndEveryStepIsAudited() {
        given().auth().oauth2(Fixtures.role("analyst")).contentType(ContentType.JSON).body("{}")
                .post("/api/prevention/referrals").then().statusCode(403);
        String referral = refer();
        String decision = "{\"decision\":\"APPROVED\",\"reason\":\"fits the programme\"}";
        // unapproved: the referring agency sees only the status, no participant exists yet
        given().auth().oauth2(INTEL_SUPERVISOR).get("/api/prevention/referrals/" + referral).then().statusCode(200)
                .body("status", equalTo("PENDING")).body("participantCode", nullValue());
        // the intelligence supervisor, a prevention officer and a supervisor of another agency cannot approve
        for (String token : new String[] { INTEL_SUPERVISOR, Fixtures.officer(), Fixtures.supervisor("DGED") }) {
            given().auth().oauth2(token).contentType(ContentType.JSON).body(decision)
                    .post("/api/prevention/referrals/" + referral + "/decision").then().statusCode(403);
        }
        String code = given().auth().oauth2(preventionSupervisor("mhai-supervisor-1")).contentType(ContentType.JSON)
                .body(decision).post("/api/prevention/referrals/" + referral + "/decision").then().statusCode(200)
                .body("status", equalTo("APPROVED")).body("participantCode", notNullValue())
                .extract().path("participantCode");
        given().auth().oauth2(INTEL_SUPERVISOR).get("/api/prevention/referrals/" + referral).then()
                .body("status", equalTo("APPROVED")).body("participantCode", nullValue());
        given().auth().oauth2(preventionSupervisor("mhai-supervisor-1")).contentType(ContentType.JSON)
                .body(decision).post("/api/prevention/referrals/" + referral + "/decision").then().statusCode(409);
        given().auth().oauth2(auditor()).queryParam("objectType", "referral").queryParam("objectId", referral)
                .get("/api/prevention/audit").then().statusCode(200)
                .body("items.action", hasItem("REFERRAL_CREATE")).body("items.action", hasItem("REFERRAL_APPROVED"));
        // the referred person's identity came across sealed and is disclosed only to prevention staff
        given().auth().oauth2(Fixtures.officer()).contentType(ContentType.JSON)
                .body("{\"purpose\":\"first interview with the referred detainee\"}")
                .post("/api/prevention/participants/" + code + "/identity-disclosures").then().statusCode(200)
                .body("fullNameLatin", equalTo("Said El Marrakchi"));
    }

    @Test
    void aPendingReferralCannotBeTheBasisOfAnEnrolment() {
        String referral = refer();
        String edition = Fixtures.edition(Fixtures.reconciliationProgramme(), 5);
        String code = Fixtures.anyParticipant();
        given().auth().oauth2(Fixtures.officer()).contentType(ContentType.JSON)
                .body("{\"participantCode\":\"" + code + "\",\"voluntary\":true,\"appliedOn\":\"2024-01-05\","
                        + "\"referralId\":\"" + referral + "\"}")
                .post("/api/prevention/editions/" + edition + "/enrolments").then().statusCode(409)
                .body("title", equalTo("Referral not approved"));
    }

    @Test
    void aHandoverIsReadableByTheRecipientOnlyOnceASecondSupervisorApprovedIt() {
        String code = Fixtures.anyParticipant();
        String requester = preventionSupervisor("mhai-supervisor-2");
        String handover = given().auth().oauth2(requester).contentType(ContentType.JSON)
                .body("""
                        {"participantCode":"%s","recipientAgency":"DGST","purpose":"Court-ordered risk information",
                         "legalBasis":"Loi 03-03, art. 218-1 (court order 2024/117)","summary":"ملخص المتابعة",
                         "includeIdentity":true}""".formatted(code))
                .post("/api/prevention/handovers").then().statusCode(201).body("status", equalTo("PENDING"))
                .extract().path("id");
        // unapproved: refused to the recipient
        given().auth().oauth2(INTEL_SUPERVISOR).get("/api/prevention/handovers/" + handover + "/package").then()
                .statusCode(409).body("title", equalTo("Not approved"));
        // the intelligence side cannot read the prevention view of it, nor approve it
        given().auth().oauth2(Fixtures.role("analyst")).get("/api/prevention/handovers/" + handover).then()
                .statusCode(403);
        String approve = "{\"decision\":\"APPROVED\",\"reason\":\"court order verified\"}";
        given().auth().oauth2(INTEL_SUPERVISOR).contentType(ContentType.JSON).body(approve)
                .post("/api/prevention/handovers/" + handover + "/decision").then().statusCode(403);
        // four eyes: not by the requester
        given().auth().oauth2(requester).contentType(ContentType.JSON).body(approve)
                .post("/api/prevention/handovers/" + handover + "/decision").then().statusCode(403)
                .contentType("application/problem+json").body("type", equalTo("urn:yaqaza:problem:four-eyes"));
        given().auth().oauth2(preventionSupervisor("mhai-supervisor-3")).contentType(ContentType.JSON)
                .body(approve).post("/api/prevention/handovers/" + handover + "/decision").then().statusCode(200)
                .body("status", equalTo("APPROVED"));
        // another agency's supervisor does not even learn it exists
        given().auth().oauth2(Fixtures.supervisor("DGED")).get("/api/prevention/handovers/" + handover + "/package")
                .then().statusCode(404);
        given().auth().oauth2(INTEL_SUPERVISOR).get("/api/prevention/handovers/" + handover + "/package").then()
                .statusCode(200).body("participantCode", equalTo(code)).body("summary", equalTo("ملخص المتابعة"))
                .body("identity.nationalId", notNullValue());
        given().auth().oauth2(auditor()).queryParam("objectType", "handover").queryParam("objectId", handover)
                .get("/api/prevention/audit").then().statusCode(200)
                .body("items.action", hasItem("HANDOVER_REQUEST")).body("items.action", hasItem("HANDOVER_APPROVED"))
                .body("items.action", hasItem("HANDOVER_READ"));
    }
}
