package org.yaqaza.liaison;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.yaqaza.testsupport.KeysetPages;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * Outgoing RFIs sort on the server: paged one row at a time, each visible request once in the asked order, one
 * above the reader's clearance (or of another agency) never appears whatever the order.
 */
@QuarkusTest
class OutgoingRfiSortingTest {

    private static String send(String partner, String subject, int dueInDays, String classification) {
        return given().auth().oauth2(Fixtures.OFFICER).contentType(ContentType.JSON).body("""
                {"partner":"%s","subject":"%s","question":"سؤال","category":"TERRORISM","tlp":"AMBER",
                 "dueDate":"%s","classification":"%s"}""".formatted(partner, subject,
                Fixtures.today().plusDays(dueInDays), classification))
                .post("/api/liaison/outgoing-rfis").then().statusCode(201).extract().path("id");
    }

    @Test
    void outgoingRfisPageInEveryOrderAndHiddenOnesNeverAppear() {
        String partner = Fixtures.partnerWithAgreement("TOP_SECRET", "TERRORISM");
        String b = send(partner, "Bravo", 9, "RESTRICTED");
        String c = send(partner, "Charlie", 3, "RESTRICTED");
        String a = send(partner, "Alpha", 6, "RESTRICTED");
        String hidden = send(partner, "Aaa secret", 1, "SECRET");
        String low = Fixtures.liaisonOfficer("CONFIDENTIAL", "DGST");
        Map<String, List<String>> expected = Map.of(
                "subject", List.of(a, b, c), "-subject", List.of(c, b, a),
                "dueDate", List.of(c, a, b), "-dueDate", List.of(b, a, c),
                "createdAt", List.of(b, c, a), "-createdAt", List.of(a, c, b));
        expected.forEach((sort, order) -> {
            assertEquals(order, ids(pages(low, partner, sort)), sort);
            for (String other : new String[] { Fixtures.liaisonOfficer("TOP_SECRET", "DGED"),
                    Fixtures.liaisonOfficer("CONFIDENTIAL", "DGST") }) {
                assertFalse(ids(pages(other, partner, sort)).contains(hidden), sort);
            }
            assertTrue(ids(pages(Fixtures.OFFICER, partner, sort)).contains(hidden), sort);
        });
        given().auth().oauth2(Fixtures.OFFICER).contentType(ContentType.JSON).body("{}")
                .post("/api/liaison/outgoing-rfis/" + c + "/withdraw").then().statusCode(200);
        // stored states by name: SENT before WITHDRAWN
        assertEquals(c, ids(pages(low, partner, "status")).get(2));
        assertEquals(c, ids(pages(low, partner, "-status")).get(0));
        given().auth().oauth2(low).queryParam("sort", "question").get("/api/liaison/outgoing-rfis").then()
                .statusCode(400).body("errors[0].field", equalTo("sort")).body("detail", containsString("dueDate"));
    }

    private static List<String> ids(List<Map<String, Object>> rows) {
        return rows.stream().map(r -> (String) r.get("id")).toList();
    }

    private static List<Map<String, Object>> pages(String token, String partner, String sort) {
        return KeysetPages.all(token, "/api/liaison/outgoing-rfis", 1, sort, "partner", partner);
    }
}
