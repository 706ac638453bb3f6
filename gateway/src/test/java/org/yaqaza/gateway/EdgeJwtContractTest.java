package org.yaqaza.gateway;

import org.yaqaza.testsupport.JwtContractTest;
import org.yaqaza.testsupport.TestIssuer;

import io.quarkus.test.junit.QuarkusTest;

/** Token verification at the edge, before anything is forwarded (the fake service answers 200 to all). */
@QuarkusTest
class EdgeJwtContractTest extends JwtContractTest {

    @Override
    protected String protectedPath() {
        return "/api/intelligence/contract/reports";
    }

    @Override
    protected TestIssuer.Token authorised(TestIssuer.Token token) {
        return token.roles("analyst");
    }
}
