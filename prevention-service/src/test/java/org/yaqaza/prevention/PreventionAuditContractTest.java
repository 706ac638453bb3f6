package org.yaqaza.prevention;

import static io.restassured.RestAssured.given;

import org.yaqaza.testsupport.AuditContractTest;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
class PreventionAuditContractTest extends AuditContractTest {

    private static final String WRITER = Fixtures.officer("SECRET", "MHAI");

    @Override
    protected String service() {
        return "prevention";
    }

    @Override
    protected void auditedWrite(int n) {
        given().auth().oauth2(WRITER).contentType(ContentType.JSON).body(Fixtures.programme("RESTRICTED"))
                .post("/api/prevention/programmes").then().statusCode(201);
    }
}
