package org.yaqaza.prevention;

import org.yaqaza.launcher.testing.JwtContractTest;
import org.yaqaza.launcher.testing.TestIssuer;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class JwtVerificationTest extends JwtContractTest {

    @Override
    protected String protectedPath() {
        return "/api/prevention/programmes";
    }

    @Override
    protected TestIssuer.Token authorised(TestIssuer.Token token) {
        return token.roles("prevention-officer").clearance("SECRET");
    }
}
