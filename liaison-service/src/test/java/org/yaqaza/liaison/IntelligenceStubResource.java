package org.yaqaza.liaison;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/** Points the service at the intelligence stub (products, reports) and its token endpoint. */
public class IntelligenceStubResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        String base = IntelligenceStub.start();
        return Map.of(
                "quarkus.rest-client.intelligence.url", base,
                "quarkus.oidc-client.token-path", base + "/auth/token",
                "quarkus.oidc-client.client-id", IntelligenceStub.CLIENT_ID,
                "quarkus.oidc-client.credentials.secret", IntelligenceStub.CLIENT_SECRET);
    }

    @Override
    public void stop() {
        IntelligenceStub.stop();
    }
}
