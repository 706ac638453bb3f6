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
 * Proves the checker: a compliant namespace (fixtures/good-namespace.yaml) passes, and breaking it one rule at a
 * time makes {@link ManifestPolicy} fail with a sentence naming the resource and the rule. Runs without kubectl.
 */
class PolicyCheckerNegativeTest {

    private static final String GOOD = fixture("fixtures/good-namespace.yaml");
    /** GOOD with the monitoring resources of k8s/components/monitoring, in small. */
    private static final String MONITORED = GOOD + "---\n" + fixture("fixtures/good-monitoring.yaml");

    @Test
    void compliantNamespacePasses() {
        assertEquals(List.of(), ManifestPolicy.check(GOOD, ManifestPolicy.Profile.DEV));
    }

    @Test
    void unknownFieldFails() {
        assertViolation(edit("Deployment", "gateway", d -> container(d).put("securityContxt", "typo")),
                "Deployment/gateway: does not fit the Kubernetes apps/v1/Deployment schema");
        assertViolation(edit("Service", "gateway", s -> ((ObjectNode) s.path("spec")).put("selektor", "x")),
                "Service/gateway: does not fit the Kubernetes v1/Service schema");
        assertViolation(GOOD + "---\napiVersion: v1\nkind: Widget\nmetadata:\n  name: w\n",
                "Widget/w: unknown or unexpected API type v1/Widget");
    }

    @Test
    void containerWithoutRequestsLimitsOrProbesFails() {
        assertViolation(edit("Deployment", "gateway", d -> ((ObjectNode) container(d).path("resources"))
                .remove("limits")), "Deployment/gateway container gateway: no memory limits");
        assertViolation(edit("Deployment", "gateway", d -> container(d).remove("resources")),
                "Deployment/gateway container gateway: no cpu requests");
        assertViolation(edit("StatefulSet", "postgres", d -> container(d).remove("readinessProbe")),
                "StatefulSet/postgres container postgres: no readiness probe");
        assertViolation(edit("Deployment", "intelligence-service", d -> container(d).remove("livenessProbe")),
                "Deployment/intelligence-service container intelligence-service: no liveness probe");
    }

    @Test
    void runningAsRootFails() {
        assertViolation(edit("Deployment", "gateway", d -> podSecurity(d).put("runAsUser", 0)),
                "Deployment/gateway container gateway: runs as root (runAsUser 0)");
        assertViolation(edit("Deployment", "gateway", d -> podSecurity(d).put("runAsNonRoot", false)),
                "Deployment/gateway container gateway: runAsNonRoot is not true");
        assertViolation(edit("Deployment", "gateway", d -> podSecurity(d).remove("runAsUser")),
                "Deployment/gateway container gateway: no fixed runAsUser");
    }

    @Test
    void writableRootFilesystemFails() {
        assertViolation(edit("Deployment", "gateway", d -> containerSecurity(d).put("readOnlyRootFilesystem", false)),
                "Deployment/gateway container gateway: writable root filesystem");
    }

    @Test
    void privilegeEscalationFails() {
        assertViolation(edit("Deployment", "gateway", d -> containerSecurity(d).remove("allowPrivilegeEscalation")),
                "Deployment/gateway container gateway: privilege escalation allowed");
        assertViolation(edit("Deployment", "gateway", d -> containerSecurity(d).put("privileged", true)),
                "Deployment/gateway container gateway: privileged");
    }

    @Test
    void addedOrKeptCapabilitiesFail() {
        assertViolation(edit("Deployment", "gateway", d -> ((ObjectNode) containerSecurity(d).path("capabilities"))
                .putArray("add").add("NET_ADMIN")),
                "Deployment/gateway container gateway: adds capabilities [NET_ADMIN]");
        assertViolation(edit("Deployment", "gateway", d -> containerSecurity(d).remove("capabilities")),
                "Deployment/gateway container gateway: capabilities not dropped");
    }

    @Test
    void missingSeccompOrServiceAccountTokenFails() {
        assertViolation(edit("Deployment", "gateway", d -> podSecurity(d).remove("seccompProfile")),
                "Deployment/gateway container gateway: seccompProfile is not RuntimeDefault");
        assertViolation(edit("Deployment", "gateway", d -> podSpec(d).remove("automountServiceAccountToken")),
                "Deployment/gateway: automountServiceAccountToken must be false");
    }

    @Test
    void latestOrUntaggedImageFails() {
        assertViolation(edit("Deployment", "gateway", d -> container(d).put("image", "registry.example.org/gw:latest")),
                "uses the latest tag");
        assertViolation(edit("Deployment", "gateway", d -> container(d).put("image", "registry.example.org:5000/gw")),
                "has no tag or digest");
    }

    @Test
    void serviceSelectingNoPodFails() {
        assertViolation(edit("Service", "gateway", s -> ((ObjectNode) s.path("spec").path("selector"))
                .put("app.kubernetes.io/name", "gatewy")), "Service/gateway: selects no pod");
        assertViolation(edit("Service", "gateway", s -> ((ObjectNode) s.path("spec").path("ports").get(0))
                .put("targetPort", "metrics")), "Service/gateway: targetPort metrics is no port of the selected pods");
    }

    @Test
    void podOutsideDefaultDenyFails() {
        // without the namespace-wide deny, a pod no other policy names for ingress is open to everyone
        List<JsonNode> trees = Manifests.trees(remove("NetworkPolicy", "default-deny-all"));
        ObjectNode debug = OverlayPolicyTest.first(trees, "Deployment", "gateway").deepCopy();
        ((ObjectNode) debug.path("metadata")).put("name", "debug");
        ((ObjectNode) debug.at("/spec/selector/matchLabels")).put("app.kubernetes.io/name", "debug");
        ((ObjectNode) debug.at("/spec/template/metadata/labels")).put("app.kubernetes.io/name", "debug");
        trees.add(debug);
        String yaml = Manifests.toYaml(trees);
        assertViolation(yaml, "no default-deny NetworkPolicy");
        assertViolation(yaml, "Deployment/debug is not covered by a default-deny Ingress policy");
        assertViolation(yaml, "NetworkPolicy gap: anywhere -> Deployment/debug any port");
        // with the namespace-wide deny in place the same pod is covered
        List<JsonNode> denied = Manifests.trees(GOOD);
        denied.add(debug);
        List<String> violations = ManifestPolicy.check(Manifests.toYaml(denied), ManifestPolicy.Profile.DEV);
        assertTrue(violations.stream().noneMatch(v -> v.contains("Deployment/debug is not covered")),
                violations::toString);
    }

    @Test
    void pathOutsideTheIssueListFails() {
        String anyIngress = GOOD + "---\n" + """
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata:
                  name: open-intelligence
                spec:
                  podSelector: {matchLabels: {app.kubernetes.io/name: intelligence-service}}
                  policyTypes: [Ingress]
                  ingress:
                    - {}
                """;
        assertViolation(anyIngress, "NetworkPolicy gap: anywhere -> Deployment/intelligence-service any port");
        // the intelligence-service reaching a database pod that serves only the gateway: not its own database
        List<JsonNode> trees = Manifests.trees(GOOD);
        ((ObjectNode) OverlayPolicyTest.first(trees, "StatefulSet", "postgres").at("/spec/template/metadata/labels"))
                .remove("db.yaqaza.org/intelligence");
        ((ObjectNode) OverlayPolicyTest.first(trees, "NetworkPolicy", "intelligence-service-egress")
                .at("/spec/egress/1/to/0/podSelector/matchLabels")).removeAll().put("db.yaqaza.org/gateway", "true");
        assertViolation(Manifests.toYaml(trees),
                "NetworkPolicy gap: Deployment/intelligence-service -> StatefulSet/postgres TCP/5432");
        String internet = edit("NetworkPolicy", "intelligence-service-egress", p -> ((ArrayNode) p.at("/spec/egress"))
                .addObject().putArray("to").addObject().putObject("ipBlock").put("cidr", "0.0.0.0/0"));
        assertViolation(internet, "NetworkPolicy gap: Deployment/intelligence-service -> ipBlock 0.0.0.0/0 any port");
        String sideways = edit("NetworkPolicy", "gateway-ingress", p -> ((ObjectNode) p.at("/spec/ingress/1/ports/0"))
                .put("port", 9000));
        assertViolation(sideways, "required path intelligence-service -> gateway TCP/8080 is closed");
    }

    @Test
    void traceExportReachesOnlyTheCollectorsOtlpPort() {
        String collector = GOOD + "---\n" + """
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata:
                  name: otel-collector-egress
                spec:
                  podSelector: {matchLabels: {app.kubernetes.io/name: intelligence-service}}
                  policyTypes: [Egress]
                  egress:
                    - to:
                        - namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: observability}}
                          podSelector: {matchLabels: {app.kubernetes.io/name: %s}}
                      ports:
                        - {protocol: TCP, port: %d}
                """;
        assertEquals(List.of(), ManifestPolicy.check(collector.formatted("opentelemetry-collector", 4317),
                ManifestPolicy.Profile.DEV));
        assertViolation(collector.formatted("opentelemetry-collector", 8888), "NetworkPolicy gap: "
                + "Deployment/intelligence-service -> namespace{kubernetes.io/metadata.name=observability} "
                + "pods{app.kubernetes.io/name=opentelemetry-collector} TCP/8888");
        assertViolation(collector.formatted("grafana", 4317), "NetworkPolicy gap: Deployment/intelligence-service -> "
                + "namespace{kubernetes.io/metadata.name=observability} pods{app.kubernetes.io/name=grafana} TCP/4317");
    }

    @Test
    void closedRequiredPathFails() {
        assertViolation(remove("NetworkPolicy", "gateway-egress"),
                "required path gateway -> intelligence-service TCP/8081 is closed");
        assertViolation(remove("NetworkPolicy", "allow-dns-egress"),
                "required path Deployment/gateway -> DNS UDP/53 is closed");
    }

    @Test
    void secretWithLiteralValueFails() {
        String secret = GOOD + "---\n" + """
                apiVersion: v1
                kind: Secret
                metadata:
                  name: gateway-db-app
                stringData:
                  password: hunter2
                """;
        assertViolation(secret, "Secret/gateway-db-app: holds a literal value");
        String env = edit("Deployment", "gateway", d -> ((ArrayNode) container(d).path("env")).addObject()
                .put("name", "YAQAZA_PREVENTION_IDENTITY_KEY").put("value", "c2VjcmV0"));
        assertViolation(env, "secret-looking env YAQAZA_PREVENTION_IDENTITY_KEY has a literal value");
        String configMap = edit("ConfigMap", "gateway-config", c -> ((ObjectNode) c.path("data"))
                .put("QUARKUS_DATASOURCE_PASSWORD", "hunter2"));
        assertViolation(configMap, "secret-looking key QUARKUS_DATASOURCE_PASSWORD in a ConfigMap");
    }

    @Test
    void disruptionBudgetBlockingAllDisruptionFails() {
        String pdb = """
                apiVersion: policy/v1
                kind: PodDisruptionBudget
                metadata:
                  name: gateway
                spec:
                  %s
                  selector:
                    matchLabels:
                      app.kubernetes.io/name: gateway
                """;
        assertViolation(GOOD + "---\n" + pdb.formatted("maxUnavailable: 0"),
                "PodDisruptionBudget/gateway: maxUnavailable 0 blocks every voluntary disruption");
        // one replica and minAvailable 1: a node drain can never evict it
        assertViolation(GOOD + "---\n" + pdb.formatted("minAvailable: 1"),
                "PodDisruptionBudget/gateway: minAvailable 1 with 1 replica(s) blocks every voluntary disruption");
        assertViolation(GOOD + "---\n" + pdb.formatted("minAvailable: 100%"), "minAvailable 100%");
        String twoReplicas = edit("Deployment", "gateway", d -> ((ObjectNode) d.path("spec")).put("replicas", 2));
        assertEquals(List.of(), ManifestPolicy.check(twoReplicas + "---\n" + pdb.formatted("minAvailable: 1"),
                ManifestPolicy.Profile.DEV), "one of two pods may go");
    }

    @Test
    void productionDeploymentWithFewerThanTwoReplicasFails() {
        List<String> violations = ManifestPolicy.check(GOOD, ManifestPolicy.Profile.PROD);
        assertContains(violations, "Deployment/gateway: 1 replica(s); production needs at least 2");
        assertContains(violations, "Deployment/gateway: no HorizontalPodAutoscaler");
        assertContains(violations, "Deployment/gateway: no PodDisruptionBudget");
        assertContains(violations, "Deployment/gateway: no topologySpreadConstraints");
        assertContains(violations, "no CloudNativePG Cluster");
    }

    @Test
    void productionDatabaseWithoutBackupOrWithUnknownFieldFails() {
        String cluster = """
                apiVersion: postgresql.cnpg.io/v1
                kind: Cluster
                metadata:
                  name: gateway-db
                spec:
                  instances: 1
                  storage: {size: 1Gi}
                  backups: {retentionPolicy: 30d}
                """;
        List<String> violations = ManifestPolicy.check(GOOD + "---\n" + cluster, ManifestPolicy.Profile.PROD);
        assertContains(violations, "Cluster/gateway-db: unknown field spec.backups");
        assertContains(violations, "Cluster/gateway-db: fewer than 2 instances");
        assertContains(violations, "Cluster/gateway-db: no backup configured");
        assertContains(violations, "Cluster/gateway-db: no ScheduledBackup");
    }

    @Test
    void ingressToAnythingButTheGatewayOrWithoutTlsFails() {
        String backend = "/spec/rules/0/http/paths/0/backend/service";
        assertViolation(edit("Ingress", "gateway", i -> ((ObjectNode) i.at(backend)).put("name", "intelligence-service")),
                "exposes intelligence-service (only the gateway may be exposed)");
        assertViolation(edit("Ingress", "gateway", i -> ((ObjectNode) i.path("spec")).remove("tls")),
                "Ingress/gateway: host yaqaza.example.org is served without TLS");
    }

    @Test
    void issuerMismatchFails() {
        assertViolation(edit("ConfigMap", "intelligence-service-config", c -> ((ObjectNode) c.path("data"))
                .put("YAQAZA_SECURITY_ISSUERS_BUILTIN_ISSUER", "https://other.example.org")),
                "but the gateway issues tokens as https://yaqaza.example.org");
    }

    @Test
    void compliantMonitoringPasses() {
        assertEquals(List.of(), ManifestPolicy.check(MONITORED, ManifestPolicy.Profile.DEV));
    }

    @Test
    void serviceMonitorThatScrapesNothingFails() {
        assertViolation(edit(MONITORED, "ServiceMonitor", "gateway", m -> ((ObjectNode) m.at(
                "/spec/selector/matchLabels")).put("app.kubernetes.io/name", "gatewy")),
                "ServiceMonitor/gateway: selects no Service");
        assertViolation(edit(MONITORED, "ServiceMonitor", "gateway", m -> ((ObjectNode) m.at(
                "/spec/endpoints/0")).put("port", "metrics")),
                "ServiceMonitor/gateway -> Service/gateway: port \"metrics\" is no named port of the Service");
        assertViolation(edit(MONITORED, "ServiceMonitor", "gateway", m -> ((ObjectNode) m.at(
                "/spec/endpoints/0")).put("path", "/metrics")), "the services export at /q/metrics");
        assertViolation(edit(MONITORED, "ServiceMonitor", "gateway", m -> ((ObjectNode) m.at(
                "/spec/endpoints/0")).put("intervall", "15s")), "ServiceMonitor/gateway: endpoint: unknown field");
        assertViolation(remove(MONITORED, "ServiceMonitor", "intelligence-service"),
                "Deployment/intelligence-service: no ServiceMonitor scrapes it");
        assertViolation(remove(MONITORED, "NetworkPolicy", "prometheus-scrape"),
                "no NetworkPolicy lets Prometheus reach gateway on its HTTP port");
    }

    @Test
    void alertWithoutForSeverityOrRunbookFails() {
        String alert = "/spec/groups/0/rules/1";
        String id = "PrometheusRule/yaqaza group yaqaza.example alert YaqazaServiceDown: ";
        assertViolation(edit(MONITORED, "PrometheusRule", "yaqaza", r -> ((ObjectNode) r.at(alert))
                .remove("for")), id + "no for:");
        assertViolation(edit(MONITORED, "PrometheusRule", "yaqaza", r -> ((ObjectNode) r.at(alert
                + "/labels")).put("severity", "page")), id + "severity label is \"page\"");
        assertViolation(edit(MONITORED, "PrometheusRule", "yaqaza", r -> ((ObjectNode) r.at(alert
                + "/annotations")).put("runbook_url", "https://docs.example.org/operations.md#no-such-runbook")),
                id + "runbook anchor #no-such-runbook is no heading of docs/operations.md");
        assertViolation(edit(MONITORED, "PrometheusRule", "yaqaza", r -> ((ObjectNode) r.at(alert
                + "/annotations")).put("runbook_url", "RUNBOOK_BASE#yaqazaservicedown")),
                id + "runbook_url \"RUNBOOK_BASE#yaqazaservicedown\" is not an absolute link");
        assertViolation(edit(MONITORED, "PrometheusRule", "yaqaza", r -> ((ObjectNode) r.at(
                "/spec/groups/0/rules/0")).put("record", "not a name")), "record not a name: not a valid metric name");
    }

    @Test
    void dashboardThatIsNoJsonOrQueriesNothingFails() {
        assertViolation(edit(MONITORED, "ConfigMap", "yaqaza-dashboard", c -> ((ObjectNode) c.path("data"))
                .put("yaqaza.json", "{\"title\": ")), "ConfigMap/yaqaza-dashboard yaqaza.json: not valid JSON");
        assertViolation(edit(MONITORED, "ConfigMap", "yaqaza-dashboard", c -> ((ObjectNode) c.path("data"))
                .put("yaqaza.json", "{\"title\": \"Y\", \"uid\": \"y\", \"panels\": [{\"title\": \"Empty\"}]}")),
                "panel \"Empty\" queries nothing");
    }

    @Test
    void runbookAnchorsAreTheHeadingsAsGitHubLinksThem() {
        assertEquals(List.of("runbook", "yaqazaservicedown", "database-backup-and-restore-cloudnativepg"),
                List.copyOf(MonitoringPolicy.anchors("## Runbook\n### YaqazaServiceDown\n"
                        + "text # not a heading\n## Database backup and restore (CloudNativePG)\n")));
    }

    // ---------------------------------------------------------------------------------------------- helpers

    private static void assertViolation(String yaml, String expected) {
        assertContains(ManifestPolicy.check(yaml, ManifestPolicy.Profile.DEV), expected);
    }

    private static void assertContains(List<String> violations, String expected) {
        assertTrue(violations.stream().anyMatch(v -> v.contains(expected)),
                "expected a violation containing \"" + expected + "\", got " + violations);
    }

    private static String edit(String kind, String name, Consumer<ObjectNode> change) {
        return edit(GOOD, kind, name, change);
    }

    private static String edit(String yaml, String kind, String name, Consumer<ObjectNode> change) {
        List<JsonNode> trees = Manifests.trees(yaml);
        change.accept((ObjectNode) OverlayPolicyTest.first(trees, kind, name));
        return Manifests.toYaml(trees);
    }

    private static String remove(String kind, String name) {
        return remove(GOOD, kind, name);
    }

    private static String remove(String yaml, String kind, String name) {
        List<JsonNode> trees = Manifests.trees(yaml);
        trees.remove(OverlayPolicyTest.first(trees, kind, name));
        return Manifests.toYaml(trees);
    }

    private static ObjectNode podSpec(JsonNode workload) {
        return (ObjectNode) workload.at("/spec/template/spec");
    }

    private static ObjectNode podSecurity(JsonNode workload) {
        return (ObjectNode) podSpec(workload).path("securityContext");
    }

    private static ObjectNode container(JsonNode workload) {
        return (ObjectNode) podSpec(workload).path("containers").get(0);
    }

    private static ObjectNode containerSecurity(JsonNode workload) {
        return (ObjectNode) container(workload).path("securityContext");
    }

    private static String fixture(String name) {
        try (InputStream in = PolicyCheckerNegativeTest.class.getClassLoader().getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("test fixture " + name + " missing", e);
        }
    }
}
