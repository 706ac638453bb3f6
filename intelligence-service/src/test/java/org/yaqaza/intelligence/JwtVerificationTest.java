package org.yaqaza.intelligence;

import org.yaqaza.launcher.testing.JwtContractTest;
import org.yaqaza.launcher.testing.TestIssuer;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class JwtVerificationTest extends JwtContractTest {

    @Override
    protected String protectedPath() {
        return "/api/intelligence/reports";
    }

    @Override
    protected TestIssuer.Token authorised(TestIssuer.Token token) {
        return token.roles("analyst").clearance("SECRET");
    }
}
