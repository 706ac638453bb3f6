package org.yaqaza.gateway;

import org.yaqaza.testsupport.ProblemContractTest;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class AdminProblemContractTest extends ProblemContractTest {

    @Override
    protected String postPath() {
        return "/api/admin/users";
    }

    @Override
    protected String writerToken() {
        return Fixtures.admin();
    }

    @Override
    protected String bodyWithInvalidFields() {
        return """
                {"username":"!","displayName":"x","password":"long-enough-password","roles":[],
                 "clearance":"NOPE","agency":"DGST"}""";
    }

    @Override
    protected String[] invalidFieldNames() {
        return new String[] { "username", "clearance" };
    }
}
