package org.yaqaza.gateway;

import static io.restassured.RestAssured.given;

import org.yaqaza.testsupport.AuditContractTest;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** The gateway's own trail: directory changes and token issuance are audited writes. */
@QuarkusTest
class GatewayAuditContractTest extends AuditContractTest {

    @Override
    protected String service() {
        return "gateway";
    }

    @Override
    protected void auditedWrite(int n) {
        given().auth().oauth2(Fixtures.admin()).contentType(ContentType.JSON)
                .body("""
                        {"clientId":"%s","displayName":"Audited %d","secret":"audited-secret-%d-xyz",
                         "roles":["service"],"clearance":"UNCLASSIFIED","agency":"DGST"}"""
                        .formatted(Fixtures.unique("audited-" + n), n, n))
                .post("/api/admin/clients")
                .then().statusCode(201);
    }
}
