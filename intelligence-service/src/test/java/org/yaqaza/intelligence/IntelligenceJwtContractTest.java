package org.yaqaza.intelligence;

import org.yaqaza.testsupport.JwtContractTest;
import org.yaqaza.testsupport.TestIssuer;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class IntelligenceJwtContractTest extends JwtContractTest {

    @Override
    protected String protectedPath() {
        return "/api/intelligence/reports";
    }

    @Override
    protected TestIssuer.Token authorised(TestIssuer.Token token) {
        return token.roles("analyst").clearance("SECRET");
    }
}
