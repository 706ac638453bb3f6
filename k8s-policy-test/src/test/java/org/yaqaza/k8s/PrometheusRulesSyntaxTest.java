package org.yaqaza.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The PromQL of the PrometheusRule parses, and its rules are valid, as Prometheus's own {@code promtool check
 * rules} judges them (the Prometheus Operator would otherwise refuse the rule, or Prometheus skip its group). Needs
 * promtool on PATH (Debian: package prometheus); without it the test is skipped, loudly.
 */
class PrometheusRulesSyntaxTest {

    @Test
    void promtoolAcceptsEveryRule() throws Exception {
        Optional<Path> promtool = Kustomize.onPath("promtool");
        if (promtool.isEmpty()) {
            System.out.println("SKIPPED: promtool is not on PATH, so the PromQL of k8s/components/monitoring was NOT"
                    + " parsed. Install Prometheus's promtool to run this check.");
        }
        Assumptions.assumeTrue(promtool.isPresent(), "promtool not on PATH");
        JsonNode rule = Manifests.TREES.readTree(Kustomize.repositoryRoot()
                .resolve("k8s/components/monitoring/prometheus-rules.yaml").toFile());
        ObjectNode rulesFile = Manifests.TREES.createObjectNode();
        rulesFile.set("groups", rule.at("/spec/groups"));
        Path file = Files.createDirectories(Path.of("target")).resolve("yaqaza-rules.yaml");
        Manifests.TREES.writeValue(file.toFile(), rulesFile);
        Process process = new ProcessBuilder(promtool.get().toString(), "check", "rules", file.toString())
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
        System.out.print("promtool check rules: " + output);
        assertEquals(0, process.exitValue(), output);
    }
}
