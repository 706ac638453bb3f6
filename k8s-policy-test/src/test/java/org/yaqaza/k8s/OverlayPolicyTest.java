package org.yaqaza.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.fabric8.kubernetes.api.model.apps.StatefulSet;

/**
 * Renders k8s/overlays/dev and k8s/overlays/prod exactly as {@code kubectl apply -k} would and applies the
 * deployment rules to every document. Needs kubectl on PATH; without it the tests are skipped, loudly.
 */
class OverlayPolicyTest {

    private static final Path ROOT = Kustomize.repositoryRoot();

    @Test
    void devOverlayFollowsEveryRule() throws Exception {
        Rendered dev = check("dev", ManifestPolicy.Profile.DEV);
        // the console's own rules (ManifestPolicy.checkConsole) apply only where it is deployed: it must be
        assertTrue(dev.policy().workloads().stream().anyMatch(w -> w.id().equals("Deployment/console")),
                "dev deploys the console");
        // a plain dev cluster has no Prometheus Operator CRDs: monitoring is opt-in there (docs/operations.md)
        assertFalse(MonitoringPolicy.present(dev.parsed()), "dev renders no monitoring.coreos.com resources");
        StatefulSet postgres = dev.parsed().docs().stream().filter(d -> d.id().equals("StatefulSet/postgres"))
                .findFirst().orElseThrow().as(StatefulSet.class);
        assertFalse(postgres.getSpec().getVolumeClaimTemplates().isEmpty(), "dev PostgreSQL keeps its data in a PVC");
        for (ManifestPolicy.Workload w : dev.policy().workloads()) {
            if (w.kind().equals("Deployment")) {
                assertEquals(1, w.replicas(), w.id() + " runs a single replica in dev");
            }
        }
    }

    @Test
    void prodOverlayFollowsEveryRule() throws Exception {
        Rendered prod = check("prod", ManifestPolicy.Profile.PROD);
        assertTrue(prod.policy().workloads().stream().anyMatch(w -> w.id().equals("Deployment/console")),
                "prod deploys the console");
        assertFalse(prod.policy().workloads().stream().anyMatch(w -> w.kind().equals("StatefulSet")),
                "prod has no hand-run PostgreSQL: CloudNativePG runs it");
        assertEquals(4, prod.parsed().ofKind("Cluster").size(), "one CloudNativePG cluster per service");
        // the monitoring component: what each resource must be is MonitoringPolicy's (run by check above)
        assertEquals(List.of("console", "gateway", "intelligence-service", "liaison-service", "prevention-service"),
                prod.parsed().ofKind(MonitoringPolicy.SERVICE_MONITOR).stream().map(Manifests.Doc::name).sorted()
                        .toList(), "one ServiceMonitor per service");
        JsonNode rules = first(prod.parsed().docs().stream().map(Manifests.Doc::tree).toList(),
                MonitoringPolicy.PROMETHEUS_RULE, "yaqaza");
        Set<String> alerts = new TreeSet<>();
        rules.at("/spec/groups").findValues("alert").forEach(a -> alerts.add(a.asText()));
        System.out.printf("k8s/overlays/prod monitoring: %d ServiceMonitors, alerts %s, dashboard %s%n",
                prod.parsed().ofKind(MonitoringPolicy.SERVICE_MONITOR).size(), alerts,
                first(prod.parsed().docs().stream().map(Manifests.Doc::tree).toList(), "ConfigMap",
                        "yaqaza-dashboard").path("data").fieldNames().next());
        // one alert at least for each signal issue 17 names
        assertTrue(alerts.containsAll(List.of("YaqazaServerErrors", "YaqazaRouteLatencyHigh", "YaqazaOutboxBacklog",
                "YaqazaOutboxOldestPending", "YaqazaWarningNotEscalated", "YaqazaAuditChainBroken",
                "YaqazaSigningKeyRotationDue", "YaqazaDatabasePoolSaturated", "YaqazaServiceDown",
                "YaqazaReplicasNotReady")), "the on-call alerts are rendered: " + alerts);
    }

    /** What docs/operations.md tells a dev cluster with kube-prometheus-stack to do: add the component. */
    @Test
    void devOverlayWithTheMonitoringComponentFollowsEveryRule() throws Exception {
        Path dir = Files.createDirectories(Path.of("target", "dev-with-monitoring").toAbsolutePath());
        Files.writeString(dir.resolve("kustomization.yaml"), """
                apiVersion: kustomize.config.k8s.io/v1beta1
                kind: Kustomization
                namespace: yaqaza-dev
                resources:
                  - %s
                components:
                  - %s
                """.formatted(dir.relativize(ROOT.resolve("k8s/overlays/dev")),
                dir.relativize(ROOT.resolve("k8s/components/monitoring"))));
        Rendered dev = check(dir, "dev + components/monitoring", ManifestPolicy.Profile.DEV);
        assertEquals(5, dev.parsed().ofKind(MonitoringPolicy.SERVICE_MONITOR).size(),
                "one ServiceMonitor per service and the console");
    }

    record Rendered(Manifests.Parsed parsed, ManifestPolicy policy) {
    }

    private static Rendered check(String overlay, ManifestPolicy.Profile profile) throws Exception {
        return check(ROOT.resolve("k8s/overlays/" + overlay), "k8s/overlays/" + overlay, profile);
    }

    private static Rendered check(Path kustomization, String overlay, ManifestPolicy.Profile profile)
            throws Exception {
        Optional<Path> kubectl = Kustomize.kubectl();
        if (kubectl.isEmpty()) {
            System.out.println("SKIPPED: kubectl is not on PATH, so " + overlay + " was NOT rendered or"
                    + " checked. Install kubectl (it bundles kustomize) to run this check.");
        }
        Assumptions.assumeTrue(kubectl.isPresent(), "kubectl not on PATH: " + overlay + " not checked");
        String yaml = Kustomize.render(kubectl.get(), kustomization);
        Manifests.Parsed parsed = Manifests.parse(yaml);
        ManifestPolicy result = ManifestPolicy.run(parsed, profile);
        System.out.printf("%s: %d documents, %d workloads, %d open network paths, %d violations%n",
                overlay, parsed.docs().size(), result.workloads().size(), result.openPaths().size(),
                result.violations().size());
        result.openPaths().forEach(p -> System.out.println("  open: " + p + "  [" + ManifestPolicy.reason(p) + "]"));
        assertEquals(List.of(), result.violations(), overlay + " breaks deployment rules");
        return new Rendered(parsed, result);
    }

    static JsonNode first(List<JsonNode> trees, String kind, String name) {
        return trees.stream().filter(t -> t.path("kind").asText().equals(kind)
                && t.path("metadata").path("name").asText().equals(name)).findFirst().orElseThrow();
    }
}
