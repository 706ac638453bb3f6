package org.yaqaza.intelligence;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import org.junit.jupiter.api.Test;
import org.yaqaza.testsupport.ProblemContractTest;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
class IntelligenceProblemContractTest extends ProblemContractTest {

    @Override
    protected String postPath() {
        return "/api/intelligence/reports";
    }

    @Override
    protected String writerToken() {
        return Fixtures.analyst("SECRET");
    }

    @Override
    protected String bodyWithInvalidFields() {
        return Fixtures.report("", "SECRET").replace("\"B\"", "\"G\"").replace("\"credibility\":2", "\"credibility\":7");
    }

    @Override
    protected String[] invalidFieldNames() {
        return new String[] { "reliability", "credibility", "title" };
    }

    @Test
    void unknownEnumValueNamesTheField() {
        given().auth().oauth2(writerToken()).contentType(ContentType.JSON)
                .body(Fixtures.report("x", "SECRET").replace("HUMINT", "GOSSIP"))
                .post(postPath())
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("sourceType"));
    }

    @Test
    void intrusiveCollectionWithoutAuthorisationIs422() {
        given().auth().oauth2(writerToken()).contentType(ContentType.JSON)
                .body(Fixtures.report("intercept", "SECRET").replace("HUMINT", "SIGINT"))
                .post(postPath())
                .then().statusCode(422).contentType("application/problem+json")
                .body("title", equalTo("Legal authorisation required"));
    }

    @Test
    void staleVersionIs409AndNothingChanges() {
        String token = writerToken();
        String id = given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Fixtures.report("original", "SECRET")).post(postPath())
                .then().statusCode(201).extract().path("id");
        given().auth().oauth2(token).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body(Fixtures.report("first edit", "SECRET")).put(postPath() + "/" + id)
                .then().statusCode(200).body("version", equalTo(1));
        given().auth().oauth2(token).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body(Fixtures.report("lost update", "SECRET")).put(postPath() + "/" + id)
                .then().statusCode(409).contentType("application/problem+json");
        given().auth().oauth2(token).get(postPath() + "/" + id)
                .then().statusCode(200).body("title", equalTo("first edit"));
    }

    @Test
    void malformedIdIsA404ProblemNotA500() {
        given().auth().oauth2(writerToken()).get(postPath() + "/not-a-uuid")
                .then().statusCode(404).contentType("application/problem+json");
    }
}
