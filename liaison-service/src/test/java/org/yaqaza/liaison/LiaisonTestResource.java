package org.yaqaza.liaison;

import org.yaqaza.testsupport.PostgresTestResource;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;

/**
 * Real embedded PostgreSQL and test issuers for every test of this service, and the stand-in for the
 * intelligence-service (another service: stubbed over real HTTP).
 */
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "service", value = "liaison"))
@WithTestResource(value = IntelligenceStubResource.class, scope = TestResourceScope.GLOBAL)
public final class LiaisonTestResource {
    private LiaisonTestResource() {
    }
}
