package org.yaqaza.systemtest.keycloak;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.yaqaza.systemtest.Json.obj;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaqaza.launcher.LocalSuite;
import org.yaqaza.launcher.SuiteOptions;
import org.yaqaza.launcher.SuiteService;
import org.yaqaza.systemtest.Json;
import org.yaqaza.systemtest.scenarios.Gateway;
import org.yaqaza.systemtest.scenarios.Gateway.Resp;

/**
 * Keycloak as the organisation's identity provider (issue 17, item 3): a real Keycloak from its Maven Central
 * distribution with the realm shipped in {@code src/test/resources/keycloak/yaqaza-realm.json}, and the suite
 * configured to trust that realm as an extra issuer, in every service and at the gateway's edge. Everything is
 * called through the gateway with tokens from Keycloak's own token endpoint: its users work in all three domain
 * services, their claims drive visibility, a token without clearance is the most restrictive caller, and a token
 * of another realm of the same Keycloak (same users, same mappers, same audience) is refused.
 */
class KeycloakIT {

    /** The trusted realm (the shipped file) and an identical copy under another name, which nobody trusts. */
    private static final String REALM = "yaqaza";
    private static final String UNTRUSTED_REALM = "yaqaza-untrusted";
    /** The realm's public client with the password grant (scripts and tests) and a client without the audience. */
    private static final String CLI_CLIENT = "yaqaza-cli";
    private static final String OTHER_APP_CLIENT = "intranet-wiki";
    private static final String PARTNER_CLIENT = "es-cni";
    private static final String PARTNER_SECRET = "demo-kc-es-cni-secret-2026";
    /** Account names for the gateway helper: prefixes choose the realm or client a user's token comes from. */
    private static final String UNTRUSTED = "untrusted:";
    private static final String OTHER_APP = "other-app:";

    private static final String INTEL = "/api/intelligence";
    private static final String LIAISON = "/api/liaison";
    private static final String PREVENTION = "/api/prevention";
    private static final String TAXII = "application/taxii+json;version=2.1";

    private static Path data;
    private static KeycloakServer keycloak;
    private static LocalSuite suite;
    private static Gateway gw;
    private static Instant started;

    @BeforeAll
    static void startKeycloakAndTheSuite() throws IOException {
        started = Instant.now();
        Path root = Path.of(System.getProperty("yaqaza.repository-root", "..")).toAbsolutePath().normalize();
        Path home = Path.of(System.getProperty("yaqaza.keycloak.home", "target/keycloak")).toAbsolutePath();
        data = Files.createTempDirectory("yaqaza-st-keycloak");
        keycloak = KeycloakServer.start(home, data.resolve("keycloak"));

        // the issuer is known before Keycloak is up (its URL and the realm name), so both start side by side
        SuiteOptions.Builder options = SuiteOptions.builder(root).dataDirectory(data.resolve("suite")).freePorts()
                .readyTimeout(Duration.ofMinutes(8)).demoSeed(false);
        for (SuiteService service : SuiteService.values()) {
            options.environment(service, "YAQAZA_SECURITY_ISSUERS_KEYCLOAK_ISSUER", keycloak.issuer(REALM));
            options.environment(service, "YAQAZA_SECURITY_ISSUERS_KEYCLOAK_JWKS_URL", keycloak.jwksUrl(REALM));
            options.environment(service, "YAQAZA_SECURITY_ISSUERS_KEYCLOAK_ROLES_CLAIM", "realm_access.roles");
        }
        suite = LocalSuite.start(options.build());
        Duration suiteReady = Duration.between(started, Instant.now());

        keycloak.awaitReady(Duration.ofMinutes(5));
        Duration keycloakReady = Duration.between(started, Instant.now());
        String realm = realmFile();
        keycloak.createRealm(realm);
        keycloak.createRealm(renamed(realm, UNTRUSTED_REALM));
        gw = new Gateway(suite.gatewayUrl(), KeycloakIT::keycloakToken);
        System.out.printf("KeycloakIT: suite ready after %d s, Keycloak ready after %d s, realms created after %d s%n",
                suiteReady.toSeconds(), keycloakReady.toSeconds(), Duration.between(started, Instant.now())
                        .toSeconds());
    }

    @AfterAll
    static void stopEverything() {
        try {
            if (suite != null) {
                suite.stop();
            }
        } finally {
            try {
                if (keycloak != null) {
                    keycloak.close();
                }
            } finally {
                deleteQuietly(data);
                if (started != null) {
                    System.out.printf("KeycloakIT: %d s from start to everything stopped%n",
                            Duration.between(started, Instant.now()).toSeconds());
                }
            }
        }
    }

    /**
     * Tokens by account name: a user of the trusted realm through the CLI client; {@code untrusted:} the same user
     * in the untrusted realm; {@code other-app:} the same user through a client without the yaqaza audience;
     * {@code es-cni} the partner system's client credentials.
     */
    private static String keycloakToken(String account) {
        if (account.equals(PARTNER_CLIENT)) {
            return keycloak.clientToken(REALM, PARTNER_CLIENT, PARTNER_SECRET);
        }
        if (account.startsWith(UNTRUSTED)) {
            String user = account.substring(UNTRUSTED.length());
            return keycloak.passwordToken(UNTRUSTED_REALM, CLI_CLIENT, user, password(user));
        }
        if (account.startsWith(OTHER_APP)) {
            String user = account.substring(OTHER_APP.length());
            return keycloak.passwordToken(REALM, OTHER_APP_CLIENT, user, password(user));
        }
        return keycloak.passwordToken(REALM, CLI_CLIENT, account, password(account));
    }

    /** The shipped realm's demo passwords (test users of a test realm, published in docs/security-model.md). */
    private static String password(String user) {
        return "demo-" + user + "-2026!";
    }

    // ------------------------------------------------------------------------------------------------------------

    @Test
    void theShippedRealmIssuesTheTokensTheSecurityModelAsksFor() {
        String token = gw.token("kc-analyst");
        Map<?, ?> header = part(token, 0);
        Map<?, ?> claims = part(token, 1);
        assertEquals("RS256", header.get("alg"), header.toString());
        assertEquals(keycloak.issuer(REALM), claims.get("iss"));
        assertTrue(audiences(claims).contains("yaqaza"), claims.toString());
        long lifetime = ((Number) claims.get("exp")).longValue() - ((Number) claims.get("iat")).longValue();
        assertTrue(lifetime > 0 && lifetime <= 15 * 60, "lifetime " + lifetime + " s");
        assertNotNull(claims.get("sub"));
        assertEquals("TOP_SECRET", claims.get("clearance"));
        assertEquals(List.of("CT-NORTH", "CT-SOUTH"), claims.get("compartments"), "a JSON array, not a string");
        assertEquals("DGST", claims.get("agency"));
        assertEquals(List.of("analyst"), ((Map<?, ?>) claims.get("realm_access")).get("roles"));
        assertEquals("سلمى بنعلي", claims.get("name"), "the Arabic name survives the round trip");

        Map<?, ?> partner = part(gw.token(PARTNER_CLIENT), 1);
        assertEquals("es-cni", partner.get("partner"));
        assertEquals(List.of("partner"), ((Map<?, ?>) partner.get("realm_access")).get("roles"));
        assertEquals("SECRET", partner.get("clearance"));
    }

    @Test
    void theShippedRealmLetsAdministratorsSetOnlyValidSecurityAttributes() {
        // a mistyped clearance would silently make the user UNCLASSIFIED in Yaqaza: the user profile refuses it
        String path = "/admin/realms/" + REALM + "/users";
        List<?> found = (List<?>) Json.parse(keycloak.admin("GET", path + "?exact=true&username=kc-collector", null)
                .body());
        Map<?, ?> collector = (Map<?, ?>) found.get(0);
        String user = path + "/" + collector.get("id");
        for (Map<String, Object> attributes : List.of(
                obj("clearance", List.of("SECERT"), "agency", List.of("DGST"), "compartments", List.of("CT-NORTH")),
                obj("clearance", List.of("SECRET"), "agency", List.of("DGST"), "compartments", List.of("ct north")))) {
            Map<String, Object> update = obj("username", "kc-collector", "email", collector.get("email"),
                    "firstName", collector.get("firstName"), "lastName", collector.get("lastName"),
                    "attributes", attributes);
            var refused = keycloak.admin("PUT", user, Json.write(update));
            assertEquals(400, refused.statusCode(), refused.body());
        }
        Map<?, ?> unchanged = (Map<?, ?>) Json.parse(keycloak.admin("GET", user, null).body());
        assertEquals(List.of("SECRET"), ((Map<?, ?>) unchanged.get("attributes")).get("clearance"));
        assertEquals(List.of("CT-NORTH"), ((Map<?, ?>) unchanged.get("attributes")).get("compartments"));
    }

    @Test
    void keycloakUsersWorkInEveryDomainService() {
        String analystSubject = subject("kc-analyst");
        Resp report = gw.post(INTEL + "/reports", "kc-analyst", report("تقرير ميداني من حساب Keycloak",
                "CONFIDENTIAL", List.of())).expect(201);
        assertEquals(analystSubject, report.str("createdBy"), "the author is the Keycloak subject");
        assertEquals("DGST", report.str("ownerAgency"), "owned by the agency of the token");
        gw.get(INTEL + "/reports/" + report.str("id"), "kc-analyst").expect(200);

        Resp programme = gw.post(PREVENTION + "/programmes", "kc-prevention-officer", obj("kind",
                "PRISON_RECONCILIATION", "name", "برنامج مصالحة - سجن عين السبع", "institution", "سجن عين السبع",
                "region", "الدار البيضاء - سطات", "capacity", 25, "classification", "RESTRICTED")).expect(201);
        assertEquals(subject("kc-prevention-officer"), programme.str("createdBy"));
        Resp programmes = gw.get(PREVENTION + "/programmes?limit=200", "kc-prevention-officer").expect(200);
        assertTrue(programmes.json().getList("items.id").contains(programme.str("id")), programmes.body());

        Resp partner = gw.post(LIAISON + "/partners", "kc-liaison-officer", partner("tn-dgsn", "TN",
                "Direction générale de la sûreté nationale", List.of())).expect(201);
        assertEquals(subject("kc-liaison-officer"), partner.str("createdBy"));
        assertEquals("DGED", partner.str("ownerAgency"));
        gw.get(LIAISON + "/partners/" + partner.str("id"), "kc-liaison-officer").expect(200);

        // a role the endpoint does not allow is still a 403, whatever the issuer
        gw.get(PREVENTION + "/programmes", "kc-analyst").expect(403);
    }

    @Test
    void aPartnerSystemOfTheRealmReceivesAReleaseThroughTaxii() {
        // Keycloak's client-credentials subject is the service account's id: the liaison officer registers it
        String partnerSubject = subject(PARTNER_CLIENT);
        String partnerId = gw.post(LIAISON + "/partners", "kc-liaison-officer", partner("es-cni", "ES",
                "Centro Nacional de Inteligencia", List.of(partnerSubject))).expect(201).str("id");
        gw.post(LIAISON + "/partners/" + partnerId + "/agreements", "kc-liaison-officer", obj("reference",
                "MOU-ES-KC-2026", "ceiling", "SECRET", "categories", List.of("TERRORISM"), "validFrom",
                LocalDate.now(ZoneOffset.UTC).minusDays(30).toString(), "status", "ACTIVE")).expect(201);

        String source = gw.post(INTEL + "/reports", "kc-analyst", obj("sourceType", "OSINT", "reliability", "C",
                "credibility", 3, "collectedAt", Instant.now().minusSeconds(600).toString(), "language", "ar",
                "title", "رصد دعاية متطرفة على شبكات التواصل", "body", "منشورات تدعو إلى العنف تستهدف الشباب.",
                "classification", "CONFIDENTIAL", "sharedWith", List.of("DGED"))).expect(201).str("id");
        String title = "تقييم مشترك: دعاية متطرفة موجهة إلى الشباب";
        String productId = gw.post(INTEL + "/products", "kc-analyst", obj("title", title, "summary",
                "حملة دعائية منسقة على المنصات الرقمية.", "category", "TERRORISM", "sourceReportIds",
                List.of(source), "classification", "CONFIDENTIAL", "sharedWith", List.of("DGED"))).expect(201)
                .str("id");

        // the liaison-service reads the product from the intelligence-service with the officer's Keycloak token
        String releaseId = gw.post(LIAISON + "/releases", "kc-liaison-officer", obj("productId", productId,
                "partners", List.of("es-cni"), "tlp", "AMBER")).expect(201).str("id");
        Resp submitted = gw.post(LIAISON + "/releases/" + releaseId + "/submit", "kc-liaison-officer", null)
                .expect(200);
        assertEquals("RELEASED", submitted.str("status"), submitted.body());

        Resp releases = gw.get(LIAISON + "/partner/releases", PARTNER_CLIENT).expect(200);
        assertTrue(releases.body().contains(releaseId), releases.body());
        Resp collections = gw.call("GET", "/taxii2/liaison/collections/", PARTNER_CLIENT, null, TAXII).expect(200);
        String collection = collections.json().getString("collections.find { it.can_read == true }.id");
        assertNotNull(collection, collections.body());
        Resp objects = gw.call("GET", "/taxii2/liaison/collections/" + collection + "/objects/", PARTNER_CLIENT,
                null, TAXII).expect(200);
        assertEquals(title, objects.json().getString("objects.find { it.type == 'report' }.name"), objects.body());
    }

    @Test
    void visibilityFollowsTheClaimsOfTheKeycloakUser() {
        // kc-analyst: TOP_SECRET, CT-NORTH + CT-SOUTH; kc-collector: SECRET, CT-NORTH only; both DGST
        String north = gw.post(INTEL + "/reports", "kc-analyst", report("لقاء مشبوه في الناظور", "SECRET",
                List.of("CT-NORTH"))).expect(201).str("id");
        String south = gw.post(INTEL + "/reports", "kc-analyst", report("تحركات قرب الحدود الجنوبية", "SECRET",
                List.of("CT-SOUTH"))).expect(201).str("id");
        String topSecret = gw.post(INTEL + "/reports", "kc-analyst", report("مصدر بشري داخل الخلية",
                "TOP_SECRET", List.of())).expect(201).str("id");

        for (String id : List.of(north, south, topSecret)) {
            gw.get(INTEL + "/reports/" + id, "kc-analyst").expect(200);
        }
        assertTrue(reportIds("kc-analyst").containsAll(List.of(north, south, topSecret)));

        gw.get(INTEL + "/reports/" + north, "kc-collector").expect(200);
        // a missing compartment and a clearance too low both look exactly like a missing report
        Resp missingCompartment = gw.get(INTEL + "/reports/" + south, "kc-collector").expect(404);
        Resp tooLow = gw.get(INTEL + "/reports/" + topSecret, "kc-collector").expect(404);
        Resp absent = gw.get(INTEL + "/reports/00000000-0000-4000-8000-000000000000", "kc-collector").expect(404);
        assertEquals(absent.str("title"), missingCompartment.str("title"));
        assertEquals(absent.str("title"), tooLow.str("title"));
        List<String> seen = reportIds("kc-collector");
        assertTrue(seen.contains(north), seen.toString());
        assertFalse(seen.contains(south), "hidden by compartment, yet listed");
        assertFalse(seen.contains(topSecret), "hidden by clearance, yet listed");
    }

    @Test
    void aKeycloakTokenWithoutClearanceIsTheMostRestrictiveCaller() {
        Map<?, ?> claims = part(gw.token("kc-analyst-unmarked"), 1);
        assertFalse(claims.containsKey("clearance"), "the user has no clearance attribute: " + claims);

        String unclassified = gw.post(INTEL + "/reports", "kc-analyst", report("بلاغ علني عن تجمع", "UNCLASSIFIED",
                List.of("CT-NORTH"))).expect(201).str("id");
        String restricted = gw.post(INTEL + "/reports", "kc-analyst", report("مذكرة داخلية محدودة التداول",
                "RESTRICTED", List.of("CT-NORTH"))).expect(201).str("id");

        gw.get(INTEL + "/reports/" + unclassified, "kc-analyst-unmarked").expect(200);
        gw.get(INTEL + "/reports/" + restricted, "kc-analyst-unmarked").expect(404);
        List<String> seen = reportIds("kc-analyst-unmarked");
        assertTrue(seen.contains(unclassified), seen.toString());
        assertFalse(seen.contains(restricted), seen.toString());
        // nor may it mark anything above UNCLASSIFIED
        gw.post(INTEL + "/reports", "kc-analyst-unmarked", report("محاولة تصنيف", "RESTRICTED", List.of()))
                .expect(422);
        gw.post(INTEL + "/reports", "kc-analyst-unmarked", report("ملاحظة عامة", "UNCLASSIFIED", List.of()))
                .expect(201);
    }

    @Test
    void tokensOfAnUntrustedRealmOrWithoutTheAudienceAreRefused() {
        Map<?, ?> rogue = part(gw.token(UNTRUSTED + "kc-analyst"), 1);
        assertEquals(keycloak.issuer(UNTRUSTED_REALM), rogue.get("iss"));
        assertEquals("TOP_SECRET", rogue.get("clearance"), "same claims as the trusted realm's: only the issuer"
                + " differs");
        assertTrue(audiences(rogue).contains("yaqaza"));
        Map<SuiteService, String[]> calls = new EnumMap<>(SuiteService.class);
        calls.put(SuiteService.INTELLIGENCE, new String[] { INTEL + "/reports", "kc-analyst" });
        calls.put(SuiteService.LIAISON, new String[] { LIAISON + "/partners", "kc-liaison-officer" });
        calls.put(SuiteService.PREVENTION, new String[] { PREVENTION + "/programmes", "kc-prevention-officer" });
        calls.forEach((service, call) -> {
            String path = call[0];
            String user = call[1];
            gw.get(path, user).expect(200);
            unauthorized(gw.get(path, UNTRUSTED + user));
            unauthorized(gw.get(path, OTHER_APP + user));
            // behind the gateway, every service refuses the token itself as well
            Gateway direct = new Gateway(suite.url(service), KeycloakIT::keycloakToken);
            direct.get(path, user).expect(200);
            unauthorized(direct.get(path, UNTRUSTED + user));
            unauthorized(direct.get(path, OTHER_APP + user));
        });
        assertFalse(audiences(part(gw.token(OTHER_APP + "kc-analyst"), 1)).contains("yaqaza"));
    }

    // ------------------------------------------------------------------------------------------------------------

    private static void unauthorized(Resp answer) {
        answer.expect(401);
        assertTrue(answer.header("Content-Type").startsWith("application/problem+json"), answer.toString());
        assertTrue(answer.header("WWW-Authenticate").startsWith("Bearer"), answer.toString());
    }

    private static Map<String, Object> report(String title, String classification, List<String> compartments) {
        return obj("sourceType", "HUMINT", "reliability", "B", "credibility", 2, "collectedAt",
                Instant.now().minusSeconds(3600).toString(), "collectedPlace", "الرباط", "language", "ar",
                "title", title, "body", title + ": تفاصيل يرويها المصدر.", "classification", classification,
                "compartments", compartments);
    }

    private static Map<String, Object> partner(String code, String country, String name, List<String> clientIds) {
        return obj("code", code, "country", country, "serviceName", name, "status", "ACTIVE", "classification",
                "RESTRICTED", "contacts", List.of(obj("name", "Liaison desk " + code, "email", "desk@" + code
                        + ".example.org")), "clientIds", clientIds);
    }

    private static List<String> reportIds(String account) {
        return gw.get(INTEL + "/reports?limit=200", account).expect(200).json().getList("items.id");
    }

    private static String subject(String account) {
        return part(gw.token(account), 1).get("sub").toString();
    }

    private static List<?> audiences(Map<?, ?> claims) {
        Object aud = claims.get("aud");
        return aud instanceof List<?> list ? list : aud == null ? List.of() : List.of(aud);
    }

    /** A decoded part of a JWT (0 header, 1 claims); the services verify the signature, the test only reads. */
    private static Map<?, ?> part(String token, int index) {
        String json = new String(Base64.getUrlDecoder().decode(token.split("\\.")[index]), StandardCharsets.UTF_8);
        return (Map<?, ?>) Json.parse(json);
    }

    private static String realmFile() {
        try (InputStream in = KeycloakIT.class.getResourceAsStream("/keycloak/yaqaza-realm.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static String renamed(String realm, String name) {
        Map<String, Object> copy = (Map<String, Object>) Json.parse(realm);
        copy.put("realm", name);
        copy.put("displayName", "Not trusted by Yaqaza");
        return Json.write(copy);
    }

    private static void deleteQuietly(Path directory) {
        if (directory == null || Boolean.getBoolean("yaqaza.keep-data")) {
            return;
        }
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // a leftover temporary directory is not worth failing the run for
        }
    }
}
