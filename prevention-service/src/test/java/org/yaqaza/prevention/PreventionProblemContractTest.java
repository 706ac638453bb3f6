package org.yaqaza.prevention;

import org.yaqaza.testsupport.ProblemContractTest;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class PreventionProblemContractTest extends ProblemContractTest {

    @Override
    protected String postPath() {
        return "/api/prevention/programmes";
    }

    @Override
    protected String writerToken() {
        return Fixtures.officer("SECRET", "MHAI");
    }

    @Override
    protected String bodyWithInvalidFields() {
        return Fixtures.programme("SECRET").replace("\"capacity\":25", "\"capacity\":0")
                .replace("\"region\":\"Rabat-Salé-Kénitra\"",
                "\"region\":\"\"");
    }

    @Override
    protected String[] invalidFieldNames() {
        return new String[] { "capacity", "region" };
    }
}
