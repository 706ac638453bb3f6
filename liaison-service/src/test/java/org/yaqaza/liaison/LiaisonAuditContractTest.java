package org.yaqaza.liaison;

import static io.restassured.RestAssured.given;

import org.yaqaza.testsupport.AuditContractTest;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
class LiaisonAuditContractTest extends AuditContractTest {

    private static final String WRITER = Fixtures.liaisonOfficer("SECRET", "DGST");

    @Override
    protected String service() {
        return "liaison";
    }

    @Override
    protected void auditedWrite(int n) {
        given().auth().oauth2(WRITER).contentType(ContentType.JSON).body(Fixtures.partner("CONFIDENTIAL"))
                .post("/api/liaison/partners").then().statusCode(201);
    }
}
