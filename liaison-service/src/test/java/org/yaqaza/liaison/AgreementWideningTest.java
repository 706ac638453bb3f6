package org.yaqaza.liaison;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Raising an agreement's ceiling or adding categories is four-eyes; lowering applies at once; both audited. */
@QuarkusTest
class AgreementWideningTest {

    private static final String OFFICER = Fixtures.OFFICER;

    private static String body(String ceiling, String categories, long version) {
        return """
                {"reference":"MoU-2026-ES","ceiling":"%s","categories":[%s],"validFrom":"%s","status":"ACTIVE",
                 "version":%d}""".formatted(ceiling, categories, Fixtures.today().minusDays(30), version);
    }

    @Test
    void aWideningWaitsForASecondPersonAndALoweringAppliesAtOnce() {
        String code = Fixtures.newCode("agr");
        String partnerId = Fixtures.registerPartner(code);
        String id = Fixtures.agreement(partnerId, "CONFIDENTIAL", "ACTIVE", Fixtures.today().minusDays(30), null,
                "TERRORISM");
        String url = "/api/liaison/partners/" + partnerId + "/agreements/" + id;

        given().auth().oauth2(OFFICER).contentType(ContentType.JSON)
                .body(body("SECRET", "\"TERRORISM\",\"ORGANISED_CRIME\"", 0)).put(url).then().statusCode(200)
                .body("ceiling", equalTo("CONFIDENTIAL")).body("categories", equalTo(java.util.List.of("TERRORISM")))
                .body("pendingCeiling", equalTo("SECRET"));
        // the wider terms are not in force: a SECRET product is still above the ceiling
        given().auth().oauth2(OFFICER).contentType(ContentType.JSON)
                .body(Fixtures.releaseBody(IntelligenceStub.product("SECRET", "TERRORISM"), "AMBER", code))
                .post("/api/liaison/releases").then().statusCode(422)
                .body("type", equalTo("urn:yaqaza:liaison:release-check:classification-ceiling"));

        // the proposer cannot approve (nor can a plain officer)
        String both = Fixtures.person("agr-both-" + UUID.randomUUID(), "liaison-officer", "supervisor");
        given().auth().oauth2(OFFICER).post(url + "/widening/approve").then().statusCode(403);
        long version = given().auth().oauth2(OFFICER).get(url).then().extract().jsonPath().getLong("version");
        given().auth().oauth2(both).contentType(ContentType.JSON)
                .body(body("SECRET", "\"TERRORISM\",\"ORGANISED_CRIME\"", version)).put(url).then().statusCode(200);
        given().auth().oauth2(both).post(url + "/widening/approve").then().statusCode(403)
                .body("type", equalTo("urn:yaqaza:problem:four-eyes"));

        given().auth().oauth2(Fixtures.supervisor("agr-sup-" + UUID.randomUUID())).post(url + "/widening/approve")
                .then().statusCode(200).body("ceiling", equalTo("SECRET")).body("pendingCeiling", nullValue())
                .body("categories", equalTo(java.util.List.of("ORGANISED_CRIME", "TERRORISM")));
        given().auth().oauth2(OFFICER).contentType(ContentType.JSON)
                .body(Fixtures.releaseBody(IntelligenceStub.product("SECRET", "TERRORISM"), "AMBER", code))
                .post("/api/liaison/releases").then().statusCode(201);

        // lowering applies at once, no approval
        version = given().auth().oauth2(OFFICER).get(url).then().extract().jsonPath().getLong("version");
        given().auth().oauth2(OFFICER).contentType(ContentType.JSON).body(body("RESTRICTED", "\"TERRORISM\"", version))
                .put(url).then().statusCode(200).body("ceiling", equalTo("RESTRICTED"))
                .body("pendingCeiling", nullValue());

        var audit = Fixtures.audit(id);
        String proposal = audit.getString("items.find { it.action == 'PROPOSE_WIDENING' }.detail");
        assertTrue(proposal.contains("CONFIDENTIAL") && proposal.contains("pending ceiling SECRET"), proposal);
        String approval = audit.getString("items.find { it.action == 'APPROVE_WIDENING' }.detail");
        assertTrue(approval.contains("-> ceiling SECRET"), approval);
        String lowering = audit.getString("items.find { it.action == 'UPDATE' }.detail");
        assertTrue(lowering.contains("ceiling SECRET") && lowering.contains("-> ceiling RESTRICTED"), lowering);
    }
}
