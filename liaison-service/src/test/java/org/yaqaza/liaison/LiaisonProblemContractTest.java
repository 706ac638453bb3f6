package org.yaqaza.liaison;

import static io.restassured.RestAssured.given;

import org.junit.jupiter.api.Test;
import org.yaqaza.testsupport.ProblemContractTest;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
class LiaisonProblemContractTest extends ProblemContractTest {

    @Override
    protected String postPath() {
        return "/api/liaison/partners";
    }

    @Override
    protected String writerToken() {
        return Fixtures.liaisonOfficer("SECRET", "DGST");
    }

    @Override
    protected String bodyWithInvalidFields() {
        return Fixtures.partner("SECRET").replace("\"ES\"", "\"Spain\"")
                .replaceAll("\"serviceName\":\"[^\"]*\"", "\"serviceName\":\"\"");
    }

    @Override
    protected String[] invalidFieldNames() {
        return new String[] { "country", "serviceName" };
    }

    @Test
    void duplicatePartnerCodeIs409() {
        String body = Fixtures.partner("RESTRICTED");
        given().auth().oauth2(writerToken()).contentType(ContentType.JSON).body(body).post(postPath())
                .then().statusCode(201);
        given().auth().oauth2(writerToken()).contentType(ContentType.JSON).body(body).post(postPath())
                .then().statusCode(409).contentType("application/problem+json");
    }
}
