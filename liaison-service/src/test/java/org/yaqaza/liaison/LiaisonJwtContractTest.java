package org.yaqaza.liaison;

import org.yaqaza.testsupport.JwtContractTest;
import org.yaqaza.testsupport.TestIssuer;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class LiaisonJwtContractTest extends JwtContractTest {

    @Override
    protected String protectedPath() {
        return "/api/liaison/partners";
    }

    @Override
    protected TestIssuer.Token authorised(TestIssuer.Token token) {
        return token.roles("liaison-officer").clearance("SECRET");
    }
}
