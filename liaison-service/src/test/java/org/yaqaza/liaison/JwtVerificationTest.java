package org.yaqaza.liaison;

import org.yaqaza.launcher.testing.JwtContractTest;
import org.yaqaza.launcher.testing.TestIssuer;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class JwtVerificationTest extends JwtContractTest {

    @Override
    protected String protectedPath() {
        return "/api/liaison/partners";
    }

    @Override
    protected TestIssuer.Token authorised(TestIssuer.Token token) {
        return token.roles("liaison-officer").clearance("SECRET");
    }
}
