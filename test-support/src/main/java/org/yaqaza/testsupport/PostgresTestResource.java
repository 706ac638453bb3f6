package org.yaqaza.testsupport;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.yaqaza.launcher.EmbeddedDatabase;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Test resource for every Yaqaza service: one real embedded PostgreSQL per test JVM (a database for the
 * service named by the {@code service} init argument, with its owner and app roles), and two token issuers
 * serving their JWKS over HTTP: the built-in one ({@link #primary()}) and a second, external-style one
 * ({@link #external()}, roles in {@code realm_access.roles} as Keycloak does).
 */
public class PostgresTestResource implements QuarkusTestResourceLifecycleManager {

    public static final String EXTERNAL_ISSUER = "https://idp.partner-agency.test/realms/ops";

    private static EmbeddedDatabase database;
    private static TestIssuer primary;
    private static TestIssuer external;

    private String service = "test";

    @Override
    public void init(Map<String, String> initArgs) {
        service = initArgs.getOrDefault("service", service);
    }

    @Override
    public synchronized Map<String, String> start() {
        try {
            if (database == null) {
                Path dir = Files.createTempDirectory("yaqaza-test-pg");
                database = EmbeddedDatabase.start(dir, 0, true);
                primary = new TestIssuer("https://yaqaza.test/auth");
                external = new TestIssuer(EXTERNAL_ISSUER);
            }
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        EmbeddedDatabase.ServiceDatabase db = database.ensureServiceDatabase(service, "owner-test-only",
                "app-test-only");
        Map<String, String> config = new HashMap<>(db.quarkusProperties());
        config.put("quarkus.flyway.placeholders.appRole", db.appUser());
        config.put("yaqaza.security.issuers.builtin.issuer", primary.issuer());
        config.put("yaqaza.security.issuers.builtin.jwks-url", primary.jwksUrl());
        config.put("yaqaza.security.issuers.external.issuer", external.issuer());
        config.put("yaqaza.security.issuers.external.jwks-url", external.jwksUrl());
        config.put("yaqaza.security.issuers.external.roles-claim", "realm_access.roles");
        // the background audit verification runs often enough for AuditContractTest to see its gauge flip to 0 and
        // back without waiting long (each flip waits for the next run), and seldom enough not to slow the other tests
        // down (each run reads the whole chain of a test database: some milliseconds)
        config.put("yaqaza.audit.verification.every", "1s");
        config.put("yaqaza.audit.verification.first-after", "1s");
        return config;
    }

    @Override
    public void stop() {
        // one database per JVM, shared by every Quarkus restart in it; stopped by zonky's shutdown hook
    }

    public static TestIssuer primary() {
        return primary;
    }

    public static TestIssuer external() {
        return external;
    }

    /** A superuser connection to the service database, for tests that must tamper below the app role. */
    public static java.sql.Connection superuser(String service) throws java.sql.SQLException {
        return database.superuserConnection(service);
    }
}
