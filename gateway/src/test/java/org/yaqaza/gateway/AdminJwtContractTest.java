package org.yaqaza.gateway;

import org.yaqaza.testsupport.JwtContractTest;
import org.yaqaza.testsupport.TestIssuer;

import io.quarkus.test.junit.QuarkusTest;

/** Token verification on the gateway's own API. */
@QuarkusTest
class AdminJwtContractTest extends JwtContractTest {

    @Override
    protected String protectedPath() {
        return "/api/admin/users";
    }

    @Override
    protected TestIssuer.Token authorised(TestIssuer.Token token) {
        return token.roles("admin");
    }
}
