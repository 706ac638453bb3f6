package org.yaqaza.liaison;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import org.yaqaza.testsupport.PostgresTestResource;

/**
 * Stands in for the intelligence-service (a different service; these tests are about liaison) and for the
 * gateway's token endpoint, as docs/architecture.md describes them (the product's shape is checked against the
 * real intelligence-service by {@code contract.IntelligenceContractTest}): products by id (hidden above the
 * caller's clearance: 404) and newest first, idempotent PARTNER report creation keyed by Idempotency-Key, client_credentials tokens
 * (client_secret_basic or client_secret_post). It records who read each product (the token's subject). It can be
 * stopped (unreachable) and restarted on the same port, and can lose the answer to one creation.
 */
public final class IntelligenceStub {

    public static final String CLIENT_ID = "liaison-service-test";
    public static final String CLIENT_SECRET = "test-only-secret";
    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();
    private static final List<String> LEVELS = List.of("UNCLASSIFIED", "RESTRICTED", "CONFIDENTIAL", "SECRET",
            "TOP_SECRET");

    private static HttpServer server;
    private static int port;
    private static final Map<UUID, ObjectNode> PRODUCTS = new ConcurrentHashMap<>();
    /** Product ids in the order they were registered (the list answers newest first). */
    private static final List<UUID> PRODUCT_ORDER = new CopyOnWriteArrayList<>();
    /** Per product: the subject of every token a read of it carried. */
    private static final Map<UUID, List<String>> PRODUCT_READERS = new ConcurrentHashMap<>();
    /** Created reports by idempotency key. */
    private static final Map<String, ObjectNode> REPORTS = new ConcurrentHashMap<>();
    /** Every report creation request received: its idempotency key. */
    private static final List<String> REPORT_REQUESTS = new CopyOnWriteArrayList<>();
    /** Idempotency keys whose first creation answer is lost (the report is created, the caller gets a 503). */
    private static final java.util.Set<String> LOSE_FIRST_ANSWER = ConcurrentHashMap.newKeySet();

    private IntelligenceStub() {
    }

    public static synchronized String start() {
        if (server == null) {
            bind(0);
        }
        return "http://127.0.0.1:" + port;
    }

    public static synchronized void stop() {
        if (server != null) {
            server.stop(0);
            server = null;
        }
    }

    /** Back on the same port, as a restarted service would be. */
    public static synchronized void restart() throws InterruptedException {
        if (server != null) {
            return;
        }
        for (int attempt = 0; ; attempt++) {
            try {
                bind(port);
                return;
            } catch (IllegalStateException e) {
                if (attempt > 50) {
                    throw e;
                }
                Thread.sleep(100);
            }
        }
    }

    public static void loseFirstAnswerFor(String idempotencyKey) {
        LOSE_FIRST_ANSWER.add(idempotencyKey);
    }

    /** Registers a product; {@code originators} are partner codes of PARTNER source reports. */
    public static UUID product(String classification, String category, String... originators) {
        return product("تقييم: خلية تجنيد عبر الإنترنت في الشمال", "A recruitment cell uses encrypted messaging to "
                + "approach young people in Tangier and Tetouan; travel to a conflict zone is being prepared.",
                classification, category, "DGST", List.of(), originators);
    }

    /** Registers a product with its title, summary and owner, shared with the given agencies. */
    public static UUID product(String title, String summary, String classification, String category,
            String ownerAgency, List<String> sharedWith, String... originators) {
        UUID id = UUID.randomUUID();
        ObjectNode p = JSON.createObjectNode();
        p.put("id", id.toString());
        p.put("title", title);
        p.put("summary", summary);
        p.put("tearLine", "Releasable summary: recruitment via messaging groups; watch travel via Ceuta.");
        p.put("category", category);
        p.put("classification", classification);
        p.putArray("compartments");
        p.put("ownerAgency", ownerAgency);
        sharedWith.forEach(p.putArray("sharedWith")::add);
        p.putArray("sourceReportIds").add(UUID.randomUUID().toString());
        var o = p.putArray("originatorPartners");
        var lineage = p.putArray("lineage");
        for (String code : originators) {
            o.add(code);
            // partner material filed without a TLP is AMBER in the real service
            lineage.addObject().put("partner", code).put("tlp", "AMBER");
        }
        p.put("createdAt", "2026-01-15T10:00:00Z");
        p.put("version", 3);
        PRODUCTS.put(id, p);
        PRODUCT_ORDER.add(id);
        return id;
    }

    /**
     * Registers a product built on partner material, {@code lineage} mapping each originating partner to the TLP
     * its material came under (the real service computes this transitively over sources).
     */
    public static UUID productWithLineage(String classification, String category, Map<String, String> lineage) {
        UUID id = product(classification, category, lineage.keySet().toArray(String[]::new));
        var entries = PRODUCTS.get(id).putArray("lineage");
        lineage.forEach((partner, tlp) -> entries.addObject().put("partner", partner).put("tlp", tlp));
        return id;
    }

    /**
     * Registers a product built on the PARTNER report created for this idempotency key: its lineage is that report's
     * partner and TLP (AMBER when the report has none), as the intelligence-service computes it.
     */
    public static UUID productFromReport(String idempotencyKey, String classification, String category) {
        JsonNode report = REPORTS.get(idempotencyKey);
        if (report == null) {
            throw new IllegalStateException("no report created for " + idempotencyKey);
        }
        String tlp = report.path("tlp").asText("AMBER");
        return productWithLineage(classification, category, Map.of(report.path("originatorPartner").asText(),
                tlp.isEmpty() ? "AMBER" : tlp));
    }

    /** The product re-issued without any partner material (a new version, no lineage, no originators). */
    public static void dropLineage(UUID id) {
        ObjectNode p = PRODUCTS.get(id);
        p.putArray("lineage");
        p.putArray("originatorPartners");
        p.put("version", p.get("version").asLong() + 1);
    }

    /**
     * The product's direct sources no longer name a partner (a source report was rewritten), while the lineage the
     * provider computes still carries it.
     */
    public static void clearOriginators(UUID id) {
        PRODUCTS.get(id).putArray("originatorPartners");
    }

    /** The subjects of the tokens that read this product, in order. */
    public static List<String> readersOf(UUID productId) {
        return List.copyOf(PRODUCT_READERS.getOrDefault(productId, List.of()));
    }

    public static void changeProduct(UUID id, String title) {
        ObjectNode p = PRODUCTS.get(id);
        p.put("title", title);
        p.put("version", p.get("version").asLong() + 1);
    }

    /** Reports created for this idempotency key (0 or 1: the stub is idempotent like the real service). */
    public static JsonNode report(String idempotencyKey) {
        return REPORTS.get(idempotencyKey);
    }

    public static long reportsFromPartner(String partnerCode) {
        return REPORTS.values().stream().filter(r -> partnerCode.equals(r.path("originatorPartner").asText()))
                .count();
    }

    public static long requestsWithKey(String idempotencyKey) {
        return REPORT_REQUESTS.stream().filter(idempotencyKey::equals).count();
    }

    private static void bind(int wanted) {
        try {
            HttpServer s = HttpServer.create(new InetSocketAddress("127.0.0.1", wanted), 0);
            s.createContext("/api/intelligence/products", IntelligenceStub::products);
            s.createContext("/api/intelligence/reports", IntelligenceStub::report);
            s.createContext("/auth/token", IntelligenceStub::token);
            s.start();
            server = s;
            port = s.getAddress().getPort();
        } catch (BindException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void products(HttpExchange ex) throws IOException {
        JsonNode claims = claims(ex);
        if (claims == null) {
            send(ex, 401, "{\"status\":401}");
            return;
        }
        if (!ex.getRequestURI().getPath().startsWith("/api/intelligence/products/")) {
            list(ex, claims);
            return;
        }
        String idText = ex.getRequestURI().getPath().substring("/api/intelligence/products/".length());
        ObjectNode product;
        try {
            product = PRODUCTS.get(UUID.fromString(idText));
        } catch (IllegalArgumentException e) {
            product = null;
        }
        if (product == null || !cleared(claims, product)) {
            send(ex, 404, "{\"status\":404,\"title\":\"Not found\"}");
            return;
        }
        PRODUCT_READERS.computeIfAbsent(UUID.fromString(idText), k -> new CopyOnWriteArrayList<>())
                .add(claims.path("sub").asText());
        send(ex, 200, product.toString());
    }

    /** Newest first, as the intelligence-service lists them; {@code limit} only (one page). */
    private static void list(HttpExchange ex, JsonNode claims) throws IOException {
        String query = ex.getRequestURI().getQuery() == null ? "" : ex.getRequestURI().getQuery();
        int limit = 50;
        for (String pair : query.split("&")) {
            if (pair.startsWith("limit=")) {
                limit = Integer.parseInt(pair.substring("limit=".length()));
            }
        }
        ObjectNode page = JSON.createObjectNode();
        var items = page.putArray("items");
        for (int i = PRODUCT_ORDER.size() - 1; i >= 0 && items.size() < limit; i--) {
            ObjectNode product = PRODUCTS.get(PRODUCT_ORDER.get(i));
            if (cleared(claims, product)) {
                items.add(product);
            }
        }
        page.putNull("nextCursor");
        send(ex, 200, page.toString());
    }

    private static boolean cleared(JsonNode claims, JsonNode product) {
        return LEVELS.indexOf(claims.path("clearance").asText("UNCLASSIFIED"))
                >= LEVELS.indexOf(product.get("classification").asText());
    }

    private static void report(HttpExchange ex) throws IOException {
        JsonNode claims = claims(ex);
        if (claims == null || !claims.path("groups").toString().contains("\"service\"")) {
            send(ex, claims == null ? 401 : 403, "{}");
            return;
        }
        String key = ex.getRequestHeaders().getFirst("Idempotency-Key");
        JsonNode body = JSON.readTree(ex.getRequestBody());
        if (!"PARTNER".equals(body.path("sourceType").asText()) || body.path("originatorPartner").isMissingNode()) {
            send(ex, 422, "{}");
            return;
        }
        REPORT_REQUESTS.add(String.valueOf(key));
        ObjectNode existing = key == null ? null : REPORTS.get(key);
        if (existing != null) {
            send(ex, 200, existing.toString());
            return;
        }
        ObjectNode created = ((ObjectNode) body).deepCopy();
        created.put("id", UUID.randomUUID().toString());
        if (key != null) {
            REPORTS.put(key, created);
        }
        if (key != null && LOSE_FIRST_ANSWER.remove(key)) {
            send(ex, 503, "{}");
            return;
        }
        send(ex, 201, created.toString());
    }

    private static void token(HttpExchange ex) throws IOException {
        String form;
        try (InputStream in = ex.getRequestBody()) {
            form = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Map<String, String> fields = new HashMap<>();
        for (String pair : form.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                fields.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        String basic = ex.getRequestHeaders().getFirst("Authorization");
        if (basic != null && basic.startsWith("Basic ")) {
            String pair = new String(Base64.getDecoder().decode(basic.substring(6)), StandardCharsets.UTF_8);
            int colon = pair.indexOf(':');
            fields.put("client_id", URLDecoder.decode(pair.substring(0, colon), StandardCharsets.UTF_8));
            fields.put("client_secret", URLDecoder.decode(pair.substring(colon + 1), StandardCharsets.UTF_8));
        }
        if (!"client_credentials".equals(fields.get("grant_type")) || !CLIENT_ID.equals(fields.get("client_id"))
                || !CLIENT_SECRET.equals(fields.get("client_secret"))) {
            send(ex, 401, "{\"error\":\"invalid_client\"}");
            return;
        }
        String token = PostgresTestResource.primary().token().subject(CLIENT_ID).roles("service")
                .clearance("TOP_SECRET").agency("DGST").sign();
        send(ex, 200, "{\"access_token\":\"" + token + "\",\"token_type\":\"Bearer\",\"expires_in\":600}");
    }

    /** The payload of the bearer token (the real services verify it; the stub only reads it). */
    private static JsonNode claims(HttpExchange ex) throws IOException {
        String auth = ex.getRequestHeaders().getFirst("Authorization");
        if (auth == null || !auth.startsWith("Bearer ")) {
            return null;
        }
        String[] parts = auth.substring(7).split("\\.");
        if (parts.length < 2) {
            return null;
        }
        return JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
    }

    private static void send(HttpExchange ex, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    static List<String> keys() {
        return new ArrayList<>(REPORTS.keySet());
    }
}
