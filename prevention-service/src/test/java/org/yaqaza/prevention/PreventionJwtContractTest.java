package org.yaqaza.prevention;

import org.yaqaza.testsupport.JwtContractTest;
import org.yaqaza.testsupport.TestIssuer;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class PreventionJwtContractTest extends JwtContractTest {

    @Override
    protected String protectedPath() {
        return "/api/prevention/programmes";
    }

    @Override
    protected TestIssuer.Token authorised(TestIssuer.Token token) {
        return token.roles("prevention-officer").clearance("SECRET");
    }
}
