package org.yaqaza.k8s;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;

/**
 * Evaluates the NetworkPolicies of one namespace the way a conforming network plugin does: a pod selected by no
 * policy of a direction is open in that direction; otherwise traffic passes only where the source's egress AND the
 * destination's ingress allow it. The result is the list of every path that is open, which {@link ManifestPolicy}
 * compares with the paths Yaqaza needs.
 */
final class NetworkPaths {

    /** A pod template (or the pods an operator creates for a custom resource): labels and named ports. */
    record PodInfo(String id, Map<String, String> labels, Map<String, Integer> namedPorts) {
        String label(String key) {
            return labels.getOrDefault(key, "");
        }
    }

    /** An endpoint outside the namespace, as the policy names it. */
    record External(String description, Map<String, String> namespaceLabels, Map<String, String> podLabels,
            String cidr) {
        boolean isNamespace(String name) {
            return name.equals(namespaceLabels.get("kubernetes.io/metadata.name"));
        }
    }

    /** One open path; exactly one side is a pod of the namespace when the other is external. */
    record Path(PodInfo from, External fromExternal, PodInfo to, External toExternal, String port) {
        @Override
        public String toString() {
            String source = from != null ? from.id() : fromExternal.description();
            String target = to != null ? to.id() : toExternal.description();
            return source + " -> " + target + " " + port;
        }
    }

    static final String ANY_PORT = "any port";

    private final List<NetworkPolicy> policies;
    private final List<PodInfo> pods;
    final List<String> problems = new ArrayList<>();

    NetworkPaths(List<NetworkPolicy> policies, List<PodInfo> pods) {
        this.policies = policies;
        this.pods = pods;
    }

    /** Pods no policy of that direction selects: such a pod is not under default deny. */
    List<String> uncovered() {
        List<String> out = new ArrayList<>();
        for (PodInfo pod : pods) {
            if (selecting(pod, "Ingress").isEmpty()) {
                out.add(pod.id() + " is not covered by a default-deny Ingress policy");
            }
            if (selecting(pod, "Egress").isEmpty()) {
                out.add(pod.id() + " is not covered by a default-deny Egress policy");
            }
        }
        return out;
    }

    boolean hasDefaultDenyAll() {
        return policies.stream().anyMatch(p -> isEmpty(p.getSpec().getPodSelector())
                && types(p).containsAll(List.of("Ingress", "Egress"))
                && p.getSpec().getIngress().isEmpty() && p.getSpec().getEgress().isEmpty());
    }

    List<Path> paths() {
        List<Path> out = new ArrayList<>();
        for (PodInfo source : pods) {
            for (PodInfo target : pods) {
                Set<String> allowed = intersect(egressPorts(source, target), ingressPorts(target, source));
                for (String port : allowed) {
                    out.add(new Path(source, null, target, null, port));
                }
            }
        }
        for (PodInfo pod : pods) {
            for (NetworkPolicy policy : selecting(pod, "Ingress")) {
                for (NetworkPolicyIngressRule rule : policy.getSpec().getIngress()) {
                    if (rule.getFrom().isEmpty()) {
                        for (String port : ports(rule.getPorts(), pod)) {
                            out.add(new Path(null, anywhere(), pod, null, port));
                        }
                    }
                    for (NetworkPolicyPeer peer : rule.getFrom()) {
                        External external = external(peer);
                        if (external != null) {
                            for (String port : ports(rule.getPorts(), pod)) {
                                out.add(new Path(null, external, pod, null, port));
                            }
                        }
                    }
                }
            }
            for (NetworkPolicy policy : selecting(pod, "Egress")) {
                for (NetworkPolicyEgressRule rule : policy.getSpec().getEgress()) {
                    if (rule.getTo().isEmpty()) {
                        for (String port : ports(rule.getPorts(), null)) {
                            out.add(new Path(pod, null, null, anywhere(), port));
                        }
                    }
                    for (NetworkPolicyPeer peer : rule.getTo()) {
                        External external = external(peer);
                        if (external != null) {
                            for (String port : ports(rule.getPorts(), null)) {
                                out.add(new Path(pod, null, null, external, port));
                            }
                        }
                    }
                }
            }
            if (selecting(pod, "Ingress").isEmpty()) {
                out.add(new Path(null, anywhere(), pod, null, ANY_PORT));
            }
            if (selecting(pod, "Egress").isEmpty()) {
                out.add(new Path(pod, null, null, anywhere(), ANY_PORT));
            }
        }
        return out;
    }

    private Set<String> egressPorts(PodInfo source, PodInfo target) {
        List<NetworkPolicy> selecting = selecting(source, "Egress");
        if (selecting.isEmpty()) {
            return Set.of(ANY_PORT);
        }
        Set<String> out = new LinkedHashSet<>();
        for (NetworkPolicy policy : selecting) {
            for (NetworkPolicyEgressRule rule : policy.getSpec().getEgress()) {
                if (rule.getTo().isEmpty() || rule.getTo().stream().anyMatch(peer -> matchesPod(peer, target))) {
                    out.addAll(ports(rule.getPorts(), target));
                }
            }
        }
        return out;
    }

    private Set<String> ingressPorts(PodInfo target, PodInfo source) {
        List<NetworkPolicy> selecting = selecting(target, "Ingress");
        if (selecting.isEmpty()) {
            return Set.of(ANY_PORT);
        }
        Set<String> out = new LinkedHashSet<>();
        for (NetworkPolicy policy : selecting) {
            for (NetworkPolicyIngressRule rule : policy.getSpec().getIngress()) {
                if (rule.getFrom().isEmpty() || rule.getFrom().stream().anyMatch(peer -> matchesPod(peer, source))) {
                    out.addAll(ports(rule.getPorts(), target));
                }
            }
        }
        return out;
    }

    private static Set<String> intersect(Set<String> a, Set<String> b) {
        if (a.contains(ANY_PORT)) {
            return b;
        }
        if (b.contains(ANY_PORT)) {
            return a;
        }
        Set<String> out = new LinkedHashSet<>(a);
        out.retainAll(b);
        return out;
    }

    /** "TCP/8080" for each port of the rule (named ports resolved on {@code target}); no ports = any port. */
    private Set<String> ports(List<NetworkPolicyPort> ports, PodInfo target) {
        if (ports.isEmpty()) {
            return Set.of(ANY_PORT);
        }
        Set<String> out = new LinkedHashSet<>();
        for (NetworkPolicyPort port : ports) {
            String protocol = port.getProtocol() == null ? "TCP" : port.getProtocol();
            IntOrString value = port.getPort();
            if (value == null) {
                out.add(protocol + "/" + ANY_PORT);
            } else if (value.getIntVal() != null) {
                String range = port.getEndPort() != null ? "-" + port.getEndPort() : "";
                out.add(protocol + "/" + value.getIntVal() + range);
            } else if (target != null && target.namedPorts().containsKey(value.getStrVal())) {
                out.add(protocol + "/" + target.namedPorts().get(value.getStrVal()));
            } else {
                out.add(protocol + "/" + value.getStrVal());
            }
        }
        return out;
    }

    /** A peer inside the namespace: a pod selector without a namespace selector. */
    private boolean matchesPod(NetworkPolicyPeer peer, PodInfo pod) {
        return peer.getNamespaceSelector() == null && peer.getIpBlock() == null && peer.getPodSelector() != null
                && matches(peer.getPodSelector(), pod.labels());
    }

    private External external(NetworkPolicyPeer peer) {
        if (peer.getIpBlock() != null) {
            return new External("ipBlock " + peer.getIpBlock().getCidr()
                    + (peer.getIpBlock().getExcept().isEmpty() ? "" : " except " + peer.getIpBlock().getExcept()),
                    Map.of(), Map.of(), peer.getIpBlock().getCidr());
        }
        if (peer.getNamespaceSelector() != null) {
            Map<String, String> namespace = labels(peer.getNamespaceSelector());
            Map<String, String> pod = peer.getPodSelector() == null ? Map.of() : labels(peer.getPodSelector());
            String description = "namespace" + (namespace.isEmpty() ? "(any)" : namespace)
                    + " pods" + (pod.isEmpty() ? "(any)" : pod);
            return new External(description, namespace, pod, null);
        }
        return null;
    }

    private static External anywhere() {
        return new External("anywhere", Map.of(), Map.of(), "0.0.0.0/0");
    }

    /** matchLabels of a selector; a selector with expressions counts as "any" here, so it is never trusted. */
    private Map<String, String> labels(LabelSelector selector) {
        if (!selector.getMatchExpressions().isEmpty()) {
            problems.add("a namespace/peer selector with matchExpressions is not allowed (too broad to verify): "
                    + selector.getMatchExpressions());
            return Map.of();
        }
        return selector.getMatchLabels() == null ? Map.of() : new TreeMap<>(selector.getMatchLabels());
    }

    private List<NetworkPolicy> selecting(PodInfo pod, String type) {
        return policies.stream()
                .filter(p -> types(p).contains(type))
                .filter(p -> matches(p.getSpec().getPodSelector(), pod.labels()))
                .toList();
    }

    /** policyTypes as the API server defaults it: Ingress always, Egress when there are egress rules. */
    private static List<String> types(NetworkPolicy policy) {
        List<String> declared = policy.getSpec().getPolicyTypes();
        if (declared != null && !declared.isEmpty()) {
            return declared;
        }
        return policy.getSpec().getEgress().isEmpty() ? List.of("Ingress") : List.of("Ingress", "Egress");
    }

    private static boolean isEmpty(LabelSelector selector) {
        return selector == null
                || ((selector.getMatchLabels() == null || selector.getMatchLabels().isEmpty())
                        && selector.getMatchExpressions().isEmpty());
    }

    static boolean matches(LabelSelector selector, Map<String, String> labels) {
        if (selector == null) {
            return true;
        }
        if (selector.getMatchLabels() != null) {
            for (Map.Entry<String, String> wanted : selector.getMatchLabels().entrySet()) {
                if (!wanted.getValue().equals(labels.get(wanted.getKey()))) {
                    return false;
                }
            }
        }
        for (LabelSelectorRequirement requirement : selector.getMatchExpressions()) {
            String value = labels.get(requirement.getKey());
            boolean ok = switch (requirement.getOperator()) {
                case "In" -> value != null && requirement.getValues().contains(value);
                case "NotIn" -> value == null || !requirement.getValues().contains(value);
                case "Exists" -> value != null;
                case "DoesNotExist" -> value == null;
                default -> false;
            };
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
