package org.yaqaza.k8s;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.cfg.MapperConfig;
import com.fasterxml.jackson.databind.introspect.Annotated;
import com.fasterxml.jackson.databind.introspect.JacksonAnnotationIntrospector;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;

/**
 * Multi-document YAML to fabric8 model objects, strictly: a field the Kubernetes API does not define is an error
 * (fabric8 would otherwise keep it silently in {@code additionalProperties}, and the API server would drop or
 * reject it). Resources of the CloudNativePG operator have no model here; they are kept as trees and checked for
 * the fields this project relies on.
 */
final class Manifests {

    /** One document: its tree, and the typed model object for built-in kinds (null for custom resources). */
    record Doc(String apiVersion, String kind, String name, JsonNode tree, HasMetadata resource) {
        String id() {
            return kind + "/" + name;
        }

        <T> T as(Class<T> type) {
            return type.cast(resource);
        }
    }

    record Parsed(List<Doc> docs, List<String> errors) {
        List<Doc> ofKind(String kind) {
            return docs.stream().filter(d -> d.kind().equals(kind)).toList();
        }
    }

    private static final Map<String, Class<? extends HasMetadata>> TYPES = Map.ofEntries(
            Map.entry("v1/Namespace", Namespace.class),
            Map.entry("v1/Service", Service.class),
            Map.entry("v1/ConfigMap", ConfigMap.class),
            Map.entry("v1/Secret", Secret.class),
            Map.entry("v1/ServiceAccount", ServiceAccount.class),
            Map.entry("v1/Pod", Pod.class),
            Map.entry("v1/PersistentVolumeClaim", PersistentVolumeClaim.class),
            Map.entry("apps/v1/Deployment", Deployment.class),
            Map.entry("apps/v1/StatefulSet", StatefulSet.class),
            Map.entry("apps/v1/DaemonSet", DaemonSet.class),
            Map.entry("batch/v1/Job", Job.class),
            Map.entry("batch/v1/CronJob", CronJob.class),
            Map.entry("networking.k8s.io/v1/NetworkPolicy", NetworkPolicy.class),
            Map.entry("networking.k8s.io/v1/Ingress", Ingress.class),
            Map.entry("policy/v1/PodDisruptionBudget", PodDisruptionBudget.class),
            Map.entry("autoscaling/v2/HorizontalPodAutoscaler", HorizontalPodAutoscaler.class),
            Map.entry("rbac.authorization.k8s.io/v1/Role", Role.class),
            Map.entry("rbac.authorization.k8s.io/v1/RoleBinding", RoleBinding.class));

    /**
     * Custom resources we deploy (CloudNativePG; Prometheus Operator in k8s/components/monitoring); checked as trees
     * by {@link ManifestPolicy} and {@link MonitoringPolicy}.
     */
    static final Set<String> CUSTOM = Set.of("postgresql.cnpg.io/v1/Cluster", "postgresql.cnpg.io/v1/ScheduledBackup",
            "monitoring.coreos.com/v1/ServiceMonitor", "monitoring.coreos.com/v1/PrometheusRule");

    static final YAMLMapper TREES = new YAMLMapper();

    private static final YAMLMapper STRICT = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .annotationIntrospector(new StrictIntrospector())
            .build();

    private Manifests() {
    }

    static Parsed parse(String yaml) {
        List<Doc> docs = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        List<JsonNode> trees;
        try {
            trees = trees(yaml);
        } catch (UncheckedIOException e) {
            errors.add("not valid YAML: " + firstLine(e.getCause()));
            return new Parsed(docs, errors);
        }
        for (JsonNode tree : trees) {
            String apiVersion = tree.path("apiVersion").asText("");
            String kind = tree.path("kind").asText("");
            String name = tree.path("metadata").path("name").asText("");
            String type = apiVersion + "/" + kind;
            String id = kind + "/" + name;
            if (name.isEmpty()) {
                errors.add(id + ": no metadata.name");
            }
            Class<? extends HasMetadata> model = TYPES.get(type);
            if (model != null) {
                try {
                    docs.add(new Doc(apiVersion, kind, name, tree, STRICT.treeToValue(tree, model)));
                } catch (IOException e) {
                    errors.add(id + ": does not fit the Kubernetes " + type + " schema: " + firstLine(e));
                }
            } else if (CUSTOM.contains(type)) {
                docs.add(new Doc(apiVersion, kind, name, tree, null));
            } else {
                errors.add(id + ": unknown or unexpected API type " + type);
            }
        }
        return new Parsed(docs, errors);
    }

    static String toYaml(List<JsonNode> trees) {
        StringBuilder out = new StringBuilder();
        for (JsonNode tree : trees) {
            try {
                out.append(TREES.writeValueAsString(tree));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return out.toString();
    }

    static List<JsonNode> trees(String yaml) {
        List<JsonNode> trees = new ArrayList<>();
        try (MappingIterator<JsonNode> it = TREES.readerFor(JsonNode.class).readValues(yaml)) {
            while (it.hasNextValue()) {
                JsonNode tree = it.nextValue();
                if (tree != null && !tree.isMissingNode() && !tree.isNull() && !tree.isEmpty()) {
                    trees.add(tree);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return trees;
    }

    private static String firstLine(Exception e) {
        String message = String.valueOf(e.getMessage());
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    /** Turns fabric8's catch-all {@code additionalProperties} off, and any "ignore unknown" with it. */
    private static final class StrictIntrospector extends JacksonAnnotationIntrospector {
        @Override
        public Boolean hasAnySetter(Annotated annotated) {
            return Boolean.FALSE;
        }

        @Override
        public JsonIgnoreProperties.Value findPropertyIgnoralByName(MapperConfig<?> config, Annotated annotated) {
            JsonIgnoreProperties.Value value = super.findPropertyIgnoralByName(config, annotated);
            return value == null ? null : value.withoutIgnoreUnknown();
        }
    }
}
