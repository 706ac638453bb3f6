package org.yaqaza.gateway.edge;

import java.util.Comparator;
import java.util.List;

import jakarta.inject.Singleton;

import org.yaqaza.gateway.config.GatewayConfig;

/** The largest request body each path accepts: a route's own limit (longest match) or the default. */
@Singleton
public class BodyLimits {

    /** {@code below}: the path followed by "/", built once rather than on every request. */
    private record Rule(String path, String below, long maxBytes) {
    }

    private final long defaultMax;
    private final List<Rule> rules;

    public BodyLimits(GatewayConfig config) {
        this.defaultMax = config.limits().maxBodySize().asLongValue();
        this.rules = config.limits().routes().values().stream()
                .map(r -> new Rule(r.path(), r.path() + "/", r.maxBodySize().asLongValue()))
                .sorted(Comparator.comparingInt((Rule r) -> r.path().length()).reversed())
                .toList();
    }

    public long maxBytes(String path) {
        for (Rule rule : rules) {
            if (path.startsWith(rule.path()) && (path.length() == rule.path().length()
                    || path.startsWith(rule.below()))) {
                return rule.maxBytes();
            }
        }
        return defaultMax;
    }

    /** "10 MiB"-style text for problem details. */
    public static String describe(long bytes) {
        if (bytes % (1024 * 1024) == 0) {
            return bytes / (1024 * 1024) + " MiB";
        }
        if (bytes % 1024 == 0) {
            return bytes / 1024 + " KiB";
        }
        return bytes + " bytes";
    }
}
