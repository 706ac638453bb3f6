package org.yaqaza.intelligence;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
class ReportResourceTest {

    @Test
    void filedReportCanBeReadBackWithItsArabicText() {
        String token = Fixtures.analyst("SECRET", "CT-NORTH");
        String id = given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Fixtures.report("لقاء مشبوه", "SECRET", "CT-NORTH"))
                .when().post("/api/intelligence/reports")
                .then().statusCode(201).body("title", equalTo("لقاء مشبوه"))
                .extract().path("id");

        given().auth().oauth2(token).when().get("/api/intelligence/reports/" + id)
                .then().statusCode(200)
                .body("body", equalTo("اجتماع في المدينة القديمة"))
                .body("collectedPlace", equalTo("Fès"));
        given().auth().oauth2(token).when().get("/api/intelligence/reports")
                .then().statusCode(200).body("items.id", hasItem(id));
    }

    @Test
    void noTokenIsAProblem401() {
        given().when().get("/api/intelligence/reports")
                .then().statusCode(401)
                .contentType("application/problem+json")
                .body("status", equalTo(401));
    }
}
