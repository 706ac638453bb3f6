package org.yaqaza.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.jose4j.json.JsonUtil;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.keys.resolvers.JwksVerificationKeyResolver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The parts of the local suite that need no running process: checks, configuration, secrets, CLI edges. */
class LocalSuiteTest {

    @TempDir
    Path root;

    @Test
    void aTakenPortFailsTheStartWithAMessageNamingItBeforeAnythingStarts() throws Exception {
        builtModules();
        try (ServerSocket squatter = new ServerSocket()) {
            squatter.bind(new InetSocketAddress("127.0.0.1", 0));
            int taken = squatter.getLocalPort();
            assertFalse(Ports.isFree(taken));
            SuiteOptions options = SuiteOptions.builder(root).freePorts().port(SuiteService.LIAISON, taken)
                    .stopOnJvmExit(false).build();
            LauncherException e = assertThrows(LauncherException.class, () -> LocalSuite.start(options));
            assertTrue(e.getMessage().contains("port " + taken + " (liaison-service) is already in use"),
                    e.getMessage());
            assertFalse(Files.exists(options.postgresDirectory()), "PostgreSQL must not have been started");
        }
    }

    @Test
    void theFaultControlsRefuseWhatIsNotRunningWithAMessage() {
        LocalSuite suite = LocalSuite.create(SuiteOptions.builder(root).freePorts().stopOnJvmExit(false).build());
        LauncherException kill = assertThrows(LauncherException.class,
                () -> suite.killService(SuiteService.INTELLIGENCE));
        assertEquals("intelligence is not running", kill.getMessage());
        LauncherException start = assertThrows(LauncherException.class,
                () -> suite.startService(SuiteService.LIAISON));
        assertEquals("liaison is not part of this suite", start.getMessage());
        LauncherException database = assertThrows(LauncherException.class, suite::stopDatabase);
        assertEquals("PostgreSQL is not running", database.getMessage());
        suite.stop();
        assertThrows(LauncherException.class, suite::startDatabase);
    }

    @Test
    void aTakenPostgresPortIsReportedAsSuch() throws Exception {
        builtModules();
        try (ServerSocket squatter = new ServerSocket()) {
            squatter.bind(new InetSocketAddress("127.0.0.1", 0));
            SuiteOptions options = SuiteOptions.builder(root).freePorts().postgresPort(squatter.getLocalPort())
                    .stopOnJvmExit(false).build();
            LauncherException e = assertThrows(LauncherException.class, () -> LocalSuite.start(options));
            assertTrue(e.getMessage().contains("(embedded PostgreSQL) is already in use"), e.getMessage());
        }
    }

    @Test
    void aMissingBuildIsNamedWithTheCommandThatFixesIt() {
        SuiteOptions options = SuiteOptions.builder(root).freePorts().stopOnJvmExit(false).build();
        LauncherException e = assertThrows(LauncherException.class, () -> LocalSuite.start(options));
        assertTrue(e.getMessage().startsWith("gateway is not built"), e.getMessage());
        assertTrue(e.getMessage().contains("mvn -DskipTests install"), e.getMessage());
    }

    @Test
    void eachServiceIsConfiguredForItsOwnDatabaseAndTheGatewayIssuer() {
        SuiteOptions options = SuiteOptions.builder(root).dataDirectory(root.resolve("data"))
                .port(SuiteService.GATEWAY, 18080).port(SuiteService.INTELLIGENCE, 18081)
                .port(SuiteService.LIAISON, 18082).port(SuiteService.PREVENTION, 18083)
                .port(SuiteService.CONSOLE, 18084)
                .environment(SuiteService.INTELLIGENCE, "QUARKUS_LOG_LEVEL", "DEBUG").build();
        LocalSuite suite = LocalSuite.create(options);
        var db = new EmbeddedDatabase.ServiceDatabase("jdbc:postgresql://localhost:15999/intelligence",
                "intelligence_owner", "owner-secret", "intelligence_app", "app-secret");

        Map<String, String> intelligence = suite.environment(SuiteService.INTELLIGENCE, db);
        assertEquals("18081", intelligence.get("QUARKUS_HTTP_PORT"));
        assertEquals("intelligence_app", intelligence.get("QUARKUS_DATASOURCE_USERNAME"));
        assertEquals("app-secret", intelligence.get("QUARKUS_DATASOURCE_PASSWORD"));
        assertEquals("intelligence_owner", intelligence.get("QUARKUS_FLYWAY_USERNAME"));
        assertEquals("http://localhost:18080", intelligence.get("YAQAZA_SECURITY_ISSUERS_BUILTIN_ISSUER"));
        assertEquals("http://localhost:18080/auth/jwks", intelligence.get("YAQAZA_SECURITY_ISSUERS_BUILTIN_JWKS_URL"));
        assertEquals("true", intelligence.get("YAQAZA_DEMO_SEED"));
        assertEquals("DEBUG", intelligence.get("QUARKUS_LOG_LEVEL"));
        assertEquals("2", intelligence.get("MALLOC_ARENA_MAX"), "fewer glibc arenas, less native memory");
        assertFalse(intelligence.containsKey("YAQAZA_PREVENTION_IDENTITY_KEY"), "the key is for prevention only");

        Map<String, String> gateway = suite.environment(SuiteService.GATEWAY, db);
        assertEquals("http://localhost:18080", gateway.get("YAQAZA_GATEWAY_TOKEN_ISSUER"));
        assertEquals("http://localhost:18082", gateway.get("YAQAZA_GATEWAY_UPSTREAMS_LIAISON_URL"));
        assertEquals(options.keyDirectory().toString(), gateway.get("YAQAZA_GATEWAY_TOKEN_KEY_DIRECTORY"));
        // the local demo and the system tests sign in with the password grant, off in production
        assertEquals("true", gateway.get("YAQAZA_GATEWAY_TOKEN_PASSWORD_GRANT_ENABLED"));
        assertNull(intelligence.get("YAQAZA_GATEWAY_TOKEN_PASSWORD_GRANT_ENABLED"));
        assertEquals(LocalSuite.BOOTSTRAP_ADMIN, gateway.get("YAQAZA_GATEWAY_BOOTSTRAP_ADMIN_USERNAME"));
        // two first administrators (four-eyes), holding every clearance and compartment the demo accounts get
        assertEquals(LocalSuite.BOOTSTRAP_SECOND_ADMIN, gateway.get("YAQAZA_GATEWAY_BOOTSTRAP_SECOND_ADMIN_USERNAME"));
        assertNotEquals(gateway.get("YAQAZA_GATEWAY_BOOTSTRAP_ADMIN_PASSWORD"),
                gateway.get("YAQAZA_GATEWAY_BOOTSTRAP_SECOND_ADMIN_PASSWORD"));
        assertEquals("TOP_SECRET", gateway.get("YAQAZA_GATEWAY_BOOTSTRAP_ADMIN_CLEARANCE"));
        assertEquals("CT-NORTH,CT-SOUTH,CYBER", gateway.get("YAQAZA_GATEWAY_BOOTSTRAP_ADMIN_COMPARTMENTS"));

        // the identity key and the service client secret come from the secrets directory and survive restarts
        Map<String, String> prevention = suite.environment(SuiteService.PREVENTION, db);
        String key = prevention.get("YAQAZA_PREVENTION_IDENTITY_KEY");
        assertEquals(key, LocalSuite.create(options).environment(SuiteService.PREVENTION, db)
                .get("YAQAZA_PREVENTION_IDENTITY_KEY"));
        assertTrue(Files.exists(options.secretsDirectory().resolve("prevention-identity.key")));
        assertEquals(suite.liaisonServiceClientSecret(), LocalSuite.create(options).liaisonServiceClientSecret());
        // the partner's private key is generated once into secrets/ and kept
        assertEquals(suite.partnerPrivateKey(), LocalSuite.create(options).partnerPrivateKey());
        assertTrue(Files.exists(options.secretsDirectory().resolve(DemoDirectory.PARTNER_KEY_FILE)));

        Map<String, String> liaison = suite.environment(SuiteService.LIAISON, db);
        assertEquals("http://localhost:18081", liaison.get("QUARKUS_REST_CLIENT_INTELLIGENCE_URL"));
        assertEquals("http://localhost:18080/auth/token", liaison.get("QUARKUS_OIDC_CLIENT_TOKEN_PATH"));
        assertEquals("liaison-service", liaison.get("QUARKUS_OIDC_CLIENT_CLIENT_ID"));
        assertEquals(suite.liaisonServiceClientSecret(), liaison.get("QUARKUS_OIDC_CLIENT_CREDENTIALS_SECRET"));

        // the console: no database, sign-in and API through the gateway, a session key kept across restarts
        Map<String, String> console = suite.environment(SuiteService.CONSOLE, null);
        assertEquals("http://localhost:18080", console.get("YAQAZA_CONSOLE_GATEWAY_URL"));
        assertFalse(console.containsKey("QUARKUS_DATASOURCE_JDBC_URL"), "the console keeps no data");
        assertEquals(32, console.get("YAQAZA_CONSOLE_SESSION_SECRET").length());
        assertEquals(console.get("YAQAZA_CONSOLE_SESSION_SECRET"), LocalSuite.create(options)
                .environment(SuiteService.CONSOLE, null).get("YAQAZA_CONSOLE_SESSION_SECRET"));
        assertEquals("http://localhost:18084", gateway.get("YAQAZA_GATEWAY_CONSOLE_URL"));
    }

    @Test
    void withTwoReplicasTheGatewayKnowsBothInstancesOfEachDomainService() {
        SuiteOptions options = SuiteOptions.builder(root).dataDirectory(root.resolve("data"))
                .port(SuiteService.GATEWAY, 18080).port(SuiteService.INTELLIGENCE, 18081)
                .port(SuiteService.LIAISON, 18082).port(SuiteService.PREVENTION, 18083).replicas(2).build();
        Map<String, String> gateway = LocalSuite.create(options).environment(SuiteService.GATEWAY, null);
        for (SuiteService service : List.of(SuiteService.INTELLIGENCE, SuiteService.LIAISON,
                SuiteService.PREVENTION)) {
            List<Integer> ports = options.ports(service);
            assertEquals(2, ports.size());
            assertEquals(options.port(service), ports.get(0));
            assertNotEquals(ports.get(0), ports.get(1));
            assertEquals("http://localhost:" + ports.get(0) + ",http://localhost:" + ports.get(1),
                    gateway.get("YAQAZA_GATEWAY_UPSTREAMS_" + service.name() + "_URL"));
            assertEquals(options.logDirectory().resolve(service.id() + "-2.log"), options.logFile(service, 1));
        }
        assertEquals(List.of(18080), options.ports(SuiteService.GATEWAY), "one gateway");
        assertThrows(IllegalArgumentException.class, () -> SuiteOptions.builder(root).replicas(0));
    }

    @Test
    void statusAndDownOnADataDirectoryWhereNothingRuns() throws Exception {
        Path data = root.resolve("idle");
        PrintStream original = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            assertEquals(3, Main.run(new String[] { "--data", data.toString(), "status" }), "LSB: not running");
            Files.createDirectories(data);
            Files.writeString(data.resolve("yaqaza.pid"), "999999999\n"); // stale pid of a long-gone run
            assertFalse(Main.cleanUpLeftovers(data));
        } finally {
            System.setOut(original);
        }
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("Yaqaza is not running"));
    }

    @Test
    void demoAccountsCoverEveryPersonRoleWithValidPasswords() {
        var roles = DemoDirectory.USERS.stream().map(DemoDirectory.DemoUser::role).toList();
        assertEquals(java.util.List.of("collector", "analyst", "supervisor", "liaison-officer",
                "prevention-officer", "auditor", "admin", "admin"), roles);
        for (DemoDirectory.DemoUser user : DemoDirectory.USERS) {
            // the gateway refuses passwords under 12 characters
            assertTrue(user.password().length() >= 12, user.username());
        }
        assertEquals("demo-analyst-2026!", DemoDirectory.demoPassword("analyst"));
        assertEquals("es-cni", DemoDirectory.PARTNER_CLIENT.partner());
        // nobody grants above their own clearance: the demo administrators hold everything the others get
        for (DemoDirectory.DemoUser user : DemoDirectory.USERS) {
            if (user.role().equals("admin")) {
                assertEquals("TOP_SECRET", user.clearance(), user.username());
                assertEquals(DemoDirectory.ALL_COMPARTMENTS, user.compartments(), user.username());
            }
        }
    }

    @Test
    void thePartnerKeySignsAssertionsItsPublicHalfVerifies() throws Exception {
        String privateJwk = GatewayClient.newClientKey();
        Map<String, Object> published = GatewayClient.publicKeySet(privateJwk);
        String json = JsonUtil.toJson(published);
        assertFalse(json.contains("\"d\""), "the registered set carries no private part: " + json);

        String assertion = GatewayClient.clientAssertion("es-cni", privateJwk, "http://localhost:18080/auth/token");
        var claims = new JwtConsumerBuilder()
                .setVerificationKeyResolver(new JwksVerificationKeyResolver(new JsonWebKeySet(json).getJsonWebKeys()))
                .setExpectedIssuer("es-cni").setExpectedSubject("es-cni")
                .setExpectedAudience("http://localhost:18080/auth/token")
                .setRequireExpirationTime().setRequireJwtId().setMaxFutureValidityInMinutes(5)
                .build().processToClaims(assertion);
        assertNotEquals(claims.getJwtId(), new JwtConsumerBuilder()
                .setSkipAllValidators().setSkipSignatureVerification().build()
                .processToClaims(GatewayClient.clientAssertion("es-cni", privateJwk, "x")).getJwtId(),
                "every assertion has its own jti");
        // another key's public half does not verify it
        String other = JsonUtil.toJson(GatewayClient.publicKeySet(GatewayClient.newClientKey()));
        assertThrows(InvalidJwtException.class, () -> new JwtConsumerBuilder()
                .setVerificationKeyResolver(new JwksVerificationKeyResolver(new JsonWebKeySet(other).getJsonWebKeys()))
                .setSkipDefaultAudienceValidation().build().processToClaims(assertion));
    }

    /** Empty stand-ins for the service jars: enough to get past the build check. */
    private void builtModules() throws Exception {
        for (SuiteService service : SuiteService.values()) {
            Path jar = service.runJar(root);
            Files.createDirectories(jar.getParent());
            Files.writeString(jar, "");
        }
    }
}
