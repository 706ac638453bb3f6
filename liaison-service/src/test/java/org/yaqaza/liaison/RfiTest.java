package org.yaqaza.liaison;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import java.sql.Connection;
import java.sql.Statement;

import org.junit.jupiter.api.Test;
import org.yaqaza.testsupport.PostgresTestResource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** RFIs: received from a partner, assigned, answered by a checked release or declined; overdue ones listed. */
@QuarkusTest
class RfiTest {

    private static String ask(String partner, String due) {
        String body = """
                {"subject":"طلب معلومات: تنقلات مشتبه به",
                 "question":"¿Tiene su servicio información sobre los desplazamientos del sospechoso en marzo?",
                 "language":"es","dueDate":"%s"}""".formatted(due);
        return given().auth().oauth2(Fixtures.partnerToken(partner)).contentType(ContentType.JSON).body(body)
                .post("/api/liaison/partner/rfis").then().statusCode(201).body("status", equalTo("RECEIVED"))
                .extract().path("id");
    }

    @Test
    void anRfiIsAssignedAndAnsweredByACheckedRelease() {
        String partner = Fixtures.partnerWithAgreement("SECRET", "TERRORISM");
        String id = ask(partner, Fixtures.today().plusDays(7).toString());
        given().auth().oauth2(Fixtures.OFFICER).get("/api/liaison/rfis").then().statusCode(200)
                .body("items.id", hasItem(id));
        given().auth().oauth2(Fixtures.OFFICER).contentType(ContentType.JSON).body("{\"assignee\":\"analyst-7\"}")
                .post("/api/liaison/rfis/" + id + "/assign").then().statusCode(200)
                .body("status", equalTo("ASSIGNED")).body("assignedTo", equalTo("analyst-7"));

        // the answer goes through the release checks: a category the agreement does not allow is refused
        String refused = """
                {"productId":"%s","tlp":"AMBER"}""".formatted(IntelligenceStub.product("RESTRICTED",
                "ORGANISED_CRIME"));
        given().auth().oauth2(Fixtures.OFFICER).contentType(ContentType.JSON).body(refused)
                .post("/api/liaison/rfis/" + id + "/answer").then().statusCode(422)
                .body("type", equalTo("urn:yaqaza:liaison:release-check:category-allowed"));
        given().auth().oauth2(Fixtures.OFFICER).get("/api/liaison/rfis/" + id).then()
                .body("status", equalTo("ASSIGNED"));

        String answer = """
                {"productId":"%s","tlp":"AMBER","note":"Respuesta a su solicitud"}"""
                .formatted(IntelligenceStub.product("RESTRICTED", "TERRORISM"));
        String releaseId = given().auth().oauth2(Fixtures.OFFICER).contentType(ContentType.JSON).body(answer)
                .post("/api/liaison/rfis/" + id + "/answer").then().statusCode(200)
                .body("status", equalTo("ANSWERED")).body("answerReleaseId", notNullValue()).extract()
                .path("answerReleaseId");
        given().auth().oauth2(Fixtures.OFFICER).get("/api/liaison/releases/" + releaseId).then()
                .body("status", equalTo("RELEASED")).body("rfiId", equalTo(id));
        given().auth().oauth2(Fixtures.partnerToken(partner)).get("/api/liaison/partner/releases/" + releaseId)
                .then().statusCode(200);
        given().auth().oauth2(Fixtures.partnerToken(partner)).get("/api/liaison/partner/rfis/" + id).then()
                .statusCode(200).body("answerReleaseId", equalTo(releaseId));
        given().auth().oauth2(Fixtures.OFFICER).contentType(ContentType.JSON).body("{\"reason\":\"late\"}")
                .post("/api/liaison/rfis/" + id + "/decline").then().statusCode(409);
    }

    @Test
    void declinedOverdueAndPrivateToThePartner() throws Exception {
        String partner = Fixtures.partnerWithAgreement("SECRET", "TERRORISM");
        String other = Fixtures.partnerWithAgreement("SECRET", "TERRORISM");
        String declined = ask(partner, Fixtures.today().plusDays(3).toString());
        given().auth().oauth2(Fixtures.OFFICER).contentType(ContentType.JSON)
                .body("{\"reason\":\"Outside the scope of our agreement\"}")
                .post("/api/liaison/rfis/" + declined + "/decline").then().statusCode(200)
                .body("status", equalTo("DECLINED"));

        String late = ask(partner, Fixtures.today().toString());
        try (Connection c = PostgresTestResource.superuser("liaison"); Statement s = c.createStatement()) {
            // the due date passes (the API refuses past due dates, so time is moved in the data)
            s.executeUpdate("update rfi set due_date = current_date - 2 where id in ('" + late + "', '"
                    + declined + "')");
        }
        given().auth().oauth2(Fixtures.OFFICER).queryParam("limit", 500).get("/api/liaison/rfis/overdue").then()
                .statusCode(200).body("items.id", hasItem(late)).body("items.id", not(hasItem(declined)))
                .body("items.find { it.id == '" + late + "' }.overdue", equalTo(true));

        given().auth().oauth2(Fixtures.partnerToken(other)).get("/api/liaison/partner/rfis/" + late).then()
                .statusCode(404);
        given().auth().oauth2(Fixtures.partnerToken(partner)).contentType(ContentType.JSON)
                .body("{\"subject\":\"x\",\"question\":\"y\",\"language\":\"es\",\"dueDate\":\"2020-01-01\"}")
                .post("/api/liaison/partner/rfis").then().statusCode(400).body("errors.field", hasItem("dueDate"));
    }
}
