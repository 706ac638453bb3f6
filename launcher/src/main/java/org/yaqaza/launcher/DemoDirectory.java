package org.yaqaza.launcher;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The demo accounts of the local suite, created through the gateway's admin API when missing (an existing
 * account is left as it is, so changes made while exploring survive a restart). Demo only: the passwords are
 * published in the documentation.
 */
public final class DemoDirectory {

    /** Compartments of the fictional demo data. */
    public static final List<String> ALL_COMPARTMENTS = List.of("CT-NORTH", "CT-SOUTH", "CYBER");

    /** One person per role, with the clearance, compartments and agency such a person would have. */
    public static final List<DemoUser> USERS = List.of(
            new DemoUser("collector", "Youssef El Idrissi (field officer)", "collector", "SECRET",
                    List.of("CT-NORTH"), "DGST"),
            new DemoUser("analyst", "Salma Bennani (analyst)", "analyst", "TOP_SECRET",
                    List.of("CT-NORTH", "CT-SOUTH"), "DGST"),
            new DemoUser("supervisor", "Karim Alaoui (supervisor)", "supervisor", "TOP_SECRET", ALL_COMPARTMENTS,
                    "DGST"),
            new DemoUser("liaison-officer", "Nadia Tazi (liaison officer)", "liaison-officer", "SECRET",
                    List.of("CT-NORTH", "CT-SOUTH"), "DGED"),
            new DemoUser("prevention-officer", "Hicham Berrada (prevention officer)", "prevention-officer",
                    "RESTRICTED", List.of(), "MHAI"),
            new DemoUser("auditor", "Fatima Zahra Chraibi (oversight auditor)", "auditor", "TOP_SECRET",
                    ALL_COMPARTMENTS, "DGST"),
            new DemoUser("admin", "Omar Sqalli (directory administrator)", "admin", "TOP_SECRET",
                    ALL_COMPARTMENTS, "DGST"),
            new DemoUser("admin-2", "Leila Fassi (second directory administrator)", "admin", "TOP_SECRET",
                    ALL_COMPARTMENTS, "DGST"));

    /** Spain's CNI partner system: sees only what is released to it ({@code partner} claim {@code es-cni}). */
    public static final DemoClient PARTNER_CLIENT = new DemoClient("es-cni", "Partner system: Spain (CNI)",
            "partner", "SECRET", List.of(), "ES-CNI", "es-cni");

    /**
     * Fixed, published demo secret of the partner client: kept for TAXII HTTP Basic, which has no other way in;
     * at the token endpoint the partner uses private_key_jwt with {@link #PARTNER_KEY_FILE}.
     */
    public static final String PARTNER_CLIENT_SECRET = "demo-es-cni-secret-2026";

    /** The partner's private key (an EC P-256 JWK), generated once into the suite's secrets directory. */
    public static final String PARTNER_KEY_FILE = "es-cni.jwk";

    /** The liaison service calling the intelligence service (products, partner reports) with a service token. */
    public static final DemoClient LIAISON_SERVICE_CLIENT = new DemoClient("liaison-service",
            "liaison-service calling intelligence-service", "service", "TOP_SECRET", ALL_COMPARTMENTS, "DGST", null);

    /**
     * The web console (issue 18): a public client (a browser app: no secret, PKCE), reached through the gateway at
     * {@code /console/}; quarkus-oidc sends people back to {@link #CONSOLE_CALLBACK_PATH} (its redirect-path) and,
     * after a logout, to {@link #CONSOLE_SIGNED_OUT_PATH}, both on the gateway's URL.
     */
    public static final String CONSOLE_CLIENT_ID = "yaqaza-console";
    public static final String CONSOLE_CALLBACK_PATH = "/console/callback";
    public static final String CONSOLE_SIGNED_OUT_PATH = "/console/signed-out";

    /** Fixed, published demo password of a demo user: {@code demo-<username>-2026!}. */
    public static String demoPassword(String username) {
        return "demo-" + username + "-2026!";
    }

    private DemoDirectory() {
    }

    /**
     * Creates what is missing: every demo user, the partner client, the liaison service client and the console's
     * public client. Client secrets are set to the given ones when a client exists but no longer accepts them, and
     * the partner's public key when it differs. The directory's four-eyes rule holds here too: {@code adminToken}'s administrator asks,
     * {@code approverToken}'s (a second administrator) approves what needs a second person.
     */
    static void ensure(GatewayClient gateway, String adminToken, String approverToken, List<String> adminCompartments,
            String liaisonServiceSecret, String partnerPrivateKey, String gatewayUrl, Consumer<String> progress) {
        Approver approver = new Approver(gateway, approverToken);
        for (DemoUser user : USERS) {
            HttpResponse<String> existing = gateway.get("/api/admin/users/" + user.username(), adminToken);
            if (existing.statusCode() == 200) {
                continue;
            }
            requireStatus(existing, 404, "look up demo user " + user.username());
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("username", user.username());
            body.put("displayName", user.displayName());
            body.put("password", user.password());
            body.put("roles", List.of(user.role()));
            body.put("clearance", user.clearance());
            // administrators hold every compartment in use, since nobody grants one they lack
            body.put("compartments", "admin".equals(user.role()) ? adminCompartments : user.compartments());
            body.put("agency", user.agency());
            body.put("enabled", true);
            approver.settle(gateway.postJson("/api/admin/users", adminToken, body), 201,
                    "create demo user " + user.username());
            progress.accept("created demo user " + user.username());
        }
        Map<String, Object> partnerKeys = GatewayClient.publicKeySet(partnerPrivateKey);
        ensureClient(gateway, adminToken, approver, PARTNER_CLIENT, PARTNER_CLIENT_SECRET, partnerKeys, progress);
        ensureClient(gateway, adminToken, approver, LIAISON_SERVICE_CLIENT, liaisonServiceSecret, null, progress);
        ensureConsoleClient(gateway, adminToken, gatewayUrl, progress);
    }

    /**
     * The console's client, its redirect URIs on the gateway's current URL (a data directory started before on
     * another port gets them replaced). Nothing in it needs four-eyes: it holds no grant of its own.
     */
    private static void ensureConsoleClient(GatewayClient gateway, String adminToken, String gatewayUrl,
            Consumer<String> progress) {
        List<String> redirects = List.of(gatewayUrl + CONSOLE_CALLBACK_PATH);
        List<String> afterLogout = List.of(gatewayUrl + CONSOLE_SIGNED_OUT_PATH);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("displayName", "Yaqaza console");
        body.put("roles", List.of());
        body.put("clearance", "UNCLASSIFIED");
        body.put("compartments", List.of());
        body.put("agency", "DGST");
        body.put("enabled", true);
        body.put("redirectUris", redirects);
        body.put("postLogoutRedirectUris", afterLogout);
        String path = "/api/admin/clients/" + CONSOLE_CLIENT_ID;
        HttpResponse<String> existing = gateway.get(path, adminToken);
        if (existing.statusCode() == 200) {
            Map<String, Object> client = GatewayClient.jsonObject(existing.body());
            if (!redirects.equals(client.get("redirectUris")) || !afterLogout.equals(
                    client.get("postLogoutRedirectUris"))) {
                requireStatus(gateway.putJson(path, adminToken, body, existing.headers().firstValue("ETag")
                        .orElse(null)), 200, "update the redirect URIs of client " + CONSOLE_CLIENT_ID);
                progress.accept("moved the redirect URIs of client " + CONSOLE_CLIENT_ID + " to " + gatewayUrl);
            }
            return;
        }
        requireStatus(existing, 404, "look up client " + CONSOLE_CLIENT_ID);
        body.put("clientId", CONSOLE_CLIENT_ID);
        body.put("publicClient", true);
        requireStatus(gateway.postJson("/api/admin/clients", adminToken, body), 201,
                "create client " + CONSOLE_CLIENT_ID);
        progress.accept("created client " + CONSOLE_CLIENT_ID + " (public, PKCE) for " + gatewayUrl + "/console/");
    }

    private static void ensureClient(GatewayClient gateway, String adminToken, Approver approver, DemoClient client,
            String secret, Map<String, Object> keys, Consumer<String> progress) {
        HttpResponse<String> existing = gateway.get("/api/admin/clients/" + client.clientId(), adminToken);
        if (existing.statusCode() == 200) {
            if (gateway.clientToken(client.clientId(), secret).isEmpty()) {
                // the secrets file was recreated (or the secret changed): make them agree again
                approver.settle(gateway.postJson("/api/admin/clients/" + client.clientId() + "/secret", adminToken,
                        Map.of("secret", secret)), 204, "reset the secret of client " + client.clientId());
                progress.accept("reset the secret of client " + client.clientId());
            }
            if (keys != null && !keys.equals(GatewayClient.jsonObject(existing.body()).get("jwks"))) {
                // a data directory from before private_key_jwt, or a regenerated key file
                approver.settle(gateway.putJson("/api/admin/clients/" + client.clientId() + "/keys", adminToken,
                        Map.of("jwks", keys)), 204, "register the key of client " + client.clientId());
                progress.accept("registered the key of client " + client.clientId());
            }
            return;
        }
        requireStatus(existing, 404, "look up client " + client.clientId());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("clientId", client.clientId());
        body.put("displayName", client.displayName());
        body.put("secret", secret);
        if (keys != null) {
            body.put("jwks", keys);
        }
        body.put("roles", List.of(client.role()));
        body.put("clearance", client.clearance());
        body.put("compartments", client.compartments());
        body.put("agency", client.agency());
        if (client.partner() != null) {
            body.put("partner", client.partner());
        }
        body.put("enabled", true);
        approver.settle(gateway.postJson("/api/admin/clients", adminToken, body), 201,
                "create client " + client.clientId());
        progress.accept("created client " + client.clientId());
    }

    private static void requireStatus(HttpResponse<String> response, int expected, String what) {
        if (response.statusCode() != expected) {
            throw new LauncherException("could not " + what + ": the gateway answered HTTP " + response.statusCode()
                    + " " + response.body());
        }
    }

    /**
     * The second administrator of the launcher: a change that needs four-eyes answers 202 with the pending
     * change, which this one approves.
     */
    private record Approver(GatewayClient gateway, String token) {

        void settle(HttpResponse<String> answer, int done, String what) {
            if (answer.statusCode() != 202) {
                requireStatus(answer, done, what);
                return;
            }
            Object id = GatewayClient.jsonObject(answer.body()).get("id");
            requireStatus(gateway.postJson("/api/admin/changes/" + id + "/approve", token, Map.of()), 200,
                    "approve (second administrator): " + what);
        }
    }

    /** A demo person; the password is {@link #demoPassword(String)}. */
    public record DemoUser(String username, String displayName, String role, String clearance,
            List<String> compartments, String agency) {

        public String password() {
            return demoPassword(username);
        }
    }

    /** A machine client ({@code client_credentials}). */
    public record DemoClient(String clientId, String displayName, String role, String clearance,
            List<String> compartments, String agency, String partner) {
    }
}
