package org.yaqaza.intelligence;

import org.yaqaza.testsupport.PostgresTestResource;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;

/** Real embedded PostgreSQL and test issuers for every test of this service. */
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "service", value = "intelligence"))
public final class IntelligenceTestResource {
    private IntelligenceTestResource() {
    }
}
