package org.yaqaza.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The console's deployment rules (docs/console.md, k8s/README.md): a compliant namespace with the console
 * (fixtures/good-namespace.yaml + good-console.yaml) passes, and breaking it one rule at a time fails with a
 * sentence naming what is wrong. Runs without kubectl; OverlayPolicyTest applies the same rules to both overlays.
 */
class ConsolePolicyTest {

    private static final String GOOD = edit(fixture("fixtures/good-namespace.yaml") + "---\n"
            + fixture("fixtures/good-console.yaml"), "ConfigMap", "gateway-config",
            c -> ((ObjectNode) c.path("data")).put("YAQAZA_GATEWAY_CONSOLE_URL", "http://console"));

    @Test
    void compliantConsolePasses() {
        assertEquals(List.of(), ManifestPolicy.check(GOOD, ManifestPolicy.Profile.DEV));
    }

    @Test
    void sessionKeyWrittenIntoTheManifestFails() {
        String literal = edit(GOOD, "Deployment", "console", d -> {
            ObjectNode env = (ObjectNode) container(d).path("env").get(0);
            env.remove("valueFrom");
            env.put("value", "not-a-secret-anymore");
        });
        assertViolation(literal, "YAQAZA_CONSOLE_SESSION_SECRET does not come from a Secret");
        assertViolation(literal, "secret-looking env YAQAZA_CONSOLE_SESSION_SECRET has a literal value");
    }

    @Test
    void consoleReachableFromAnythingButTheGatewayFails() {
        // the ingress controller straight to the console (bypassing the gateway's forwarding and headers)
        String direct = edit(GOOD, "NetworkPolicy", "console-ingress", p -> ((ArrayNode) p.at("/spec/ingress"))
                .addObject().putArray("from").addObject().putObject("namespaceSelector").putObject("matchLabels")
                .put("kubernetes.io/metadata.name", "ingress-nginx"));
        assertViolation(direct, "NetworkPolicy gap");
        assertViolation(direct, "console");
    }

    @Test
    void consoleCallingAnythingButTheGatewayFails() {
        // out of the namespace (the internet, the ingress's public address)
        String anywhere = edit(GOOD, "NetworkPolicy", "console-egress", p -> {
            ObjectNode rule = ((ArrayNode) p.at("/spec/egress")).addObject();
            rule.putArray("to").addObject().putObject("ipBlock").put("cidr", "0.0.0.0/0");
            rule.putArray("ports").addObject().put("protocol", "TCP").put("port", 443);
        });
        assertViolation(anywhere, "NetworkPolicy gap");
        // straight to a service, both ends opened: the console must go through the gateway like any client
        String toService = edit(edit(GOOD, "NetworkPolicy", "console-egress", p -> ((ArrayNode) p.at(
                "/spec/egress")).addObject().putArray("to").addObject().putObject("podSelector")
                .putObject("matchLabels").put("app.kubernetes.io/name", "intelligence-service")),
                "NetworkPolicy", "intelligence-service-ingress", p -> ((ArrayNode) p.at("/spec/ingress"))
                        .addObject().putArray("from").addObject().putObject("podSelector").putObject("matchLabels")
                        .put("app.kubernetes.io/name", "console"));
        assertViolation(toService, "NetworkPolicy gap");
        assertViolation(toService, "console");
    }

    @Test
    void closedPathBetweenGatewayAndConsoleFails() {
        assertViolation(remove(GOOD, "NetworkPolicy", "console-egress"),
                "required path console -> gateway TCP/8080 is closed");
        assertViolation(remove(GOOD, "NetworkPolicy", "console-ingress"),
                "required path gateway -> console TCP/8084 is closed");
    }

    @Test
    void probesOffTheHealthEndpointsFail() {
        assertViolation(edit(GOOD, "Deployment", "console", d -> container(d).remove("startupProbe")),
                "Deployment/console: no startup probe on /q/health/started");
        assertViolation(edit(GOOD, "Deployment", "console", d -> ((ObjectNode) container(d).at(
                "/readinessProbe/httpGet")).put("path", "/console/")),
                "Deployment/console: no readiness probe on /q/health/ready");
    }

    @Test
    void signInOffThePublicAddressFails() {
        assertViolation(edit(GOOD, "ConfigMap", "console-config", c -> ((ObjectNode) c.path("data")).put(
                "QUARKUS_OIDC_AUTHORIZATION_PATH", "http://gateway/auth/authorize")),
                "ConfigMap/console-config/QUARKUS_OIDC_AUTHORIZATION_PATH is http://gateway/auth/authorize");
    }

    @Test
    void gatewayNotForwardingToTheConsoleFails() {
        assertViolation(edit(GOOD, "ConfigMap", "gateway-config", c -> ((ObjectNode) c.path("data")).remove(
                "YAQAZA_GATEWAY_CONSOLE_URL")), "ConfigMap/gateway-config/YAQAZA_GATEWAY_CONSOLE_URL is null");
        assertViolation(remove(GOOD, "Service", "console"), "(which does not exist)");
    }

    // ---------------------------------------------------------------------------------------------- helpers

    private static void assertViolation(String yaml, String expected) {
        List<String> violations = ManifestPolicy.check(yaml, ManifestPolicy.Profile.DEV);
        assertTrue(violations.stream().anyMatch(v -> v.contains(expected)),
                "expected a violation containing \"" + expected + "\", got " + violations);
    }

    private static String edit(String yaml, String kind, String name, Consumer<ObjectNode> change) {
        List<JsonNode> trees = Manifests.trees(yaml);
        change.accept((ObjectNode) OverlayPolicyTest.first(trees, kind, name));
        return Manifests.toYaml(trees);
    }

    private static String remove(String yaml, String kind, String name) {
        List<JsonNode> trees = Manifests.trees(yaml);
        trees.remove(OverlayPolicyTest.first(trees, kind, name));
        return Manifests.toYaml(trees);
    }

    private static ObjectNode container(JsonNode workload) {
        return (ObjectNode) workload.at("/spec/template/spec/containers").get(0);
    }

    private static String fixture(String name) {
        try (InputStream in = ConsolePolicyTest.class.getClassLoader().getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("test fixture " + name + " missing", e);
        }
    }
}
