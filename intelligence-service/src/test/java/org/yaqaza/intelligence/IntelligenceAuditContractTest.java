package org.yaqaza.intelligence;

import static io.restassured.RestAssured.given;

import org.yaqaza.testsupport.AuditContractTest;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
class IntelligenceAuditContractTest extends AuditContractTest {

    private static final String WRITER = Fixtures.analyst("SECRET");

    @Override
    protected String service() {
        return "intelligence";
    }

    @Override
    protected void auditedWrite(int n) {
        given().auth().oauth2(WRITER).contentType(ContentType.JSON)
                .body(Fixtures.report("audit chain " + n, "RESTRICTED"))
                .post("/api/intelligence/reports")
                .then().statusCode(201);
    }
}
