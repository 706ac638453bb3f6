package org.yaqaza.gateway.edge;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;

import org.yaqaza.gateway.config.GatewayConfig;

import io.vertx.core.Vertx;

/**
 * Token buckets per (group, client) held in this replica's memory: limits are per gateway replica. A bucket
 * refills continuously at {@code per-second} up to {@code burst}; full buckets are dropped every minute, so
 * memory follows the number of recently active clients, not of all clients ever seen.
 */
@Singleton
public class RateLimiter {

    public static final String DEFAULT = "default";
    public static final String TOKEN = "token";
    public static final String FAILED_LOGIN = "failed-login";

    /** The outcome of one request against its bucket, with what the RateLimit-* headers report. */
    public record Decision(boolean allowed, int limit, long remaining, long resetSeconds, long retryAfterSeconds) {
    }

    public record Group(String name, List<String> paths, int burst, double perSecond) {
    }

    private final Map<String, Group> groups = new ConcurrentHashMap<>();
    /** Path groups, longest prefix first. */
    private final List<Group> byPath;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final Vertx vertx;
    private final long sweeper;

    public RateLimiter(GatewayConfig config, Vertx vertx) {
        this.vertx = vertx;
        List<Group> withPaths = new ArrayList<>();
        config.rateLimits().forEach((name, limit) -> {
            if (limit.burst() < 1 || limit.perSecond() <= 0) {
                throw new IllegalStateException("yaqaza.gateway.rate-limits." + name
                        + ": burst must be >= 1 and per-second > 0");
            }
            Group group = new Group(name, limit.paths().orElse(List.of()), limit.burst(), limit.perSecond());
            groups.put(name, group);
            if (!group.paths().isEmpty()) {
                withPaths.add(group);
            }
        });
        withPaths.sort(Comparator.comparingInt((Group g) -> g.paths().stream().mapToInt(String::length).max()
                .orElse(0)).reversed());
        this.byPath = List.copyOf(withPaths);
        this.sweeper = vertx.setPeriodic(60_000, id -> sweep());
    }

    /** The group of a forwarded path: the one with the longest matching prefix, else {@code default}. */
    public Optional<Group> groupFor(String path) {
        Group best = null;
        int bestLength = -1;
        for (Group group : byPath) {
            for (String prefix : group.paths()) {
                if ((path.equals(prefix) || path.startsWith(prefix + "/")) && prefix.length() > bestLength) {
                    best = group;
                    bestLength = prefix.length();
                }
            }
        }
        return Optional.ofNullable(best == null ? groups.get(DEFAULT) : best);
    }

    public Optional<Group> group(String name) {
        return Optional.ofNullable(groups.get(name));
    }

    /** Takes one token from the client's bucket in the group if it has one. */
    public Decision take(Group group, String client) {
        return bucket(group, client).take(group, System.nanoTime(), true);
    }

    /** Whether the client's bucket has a token left, without taking it. */
    public Decision peek(Group group, String client) {
        return bucket(group, client).take(group, System.nanoTime(), false);
    }

    private Bucket bucket(Group group, String client) {
        return buckets.computeIfAbsent(group.name() + '\u0000' + client, k -> new Bucket(group.burst(),
                System.nanoTime()));
    }

    private void sweep() {
        long now = System.nanoTime();
        buckets.entrySet().removeIf(e -> {
            Group group = groups.get(e.getKey().substring(0, e.getKey().indexOf('\u0000')));
            return group == null || e.getValue().fullAt(group, now);
        });
    }

    @PreDestroy
    void stop() {
        vertx.cancelTimer(sweeper);
    }

    private static final class Bucket {
        private double tokens;
        private long updated;

        Bucket(double tokens, long now) {
            this.tokens = tokens;
            this.updated = now;
        }

        synchronized Decision take(Group group, long now, boolean consume) {
            refill(group, now);
            boolean allowed = tokens >= 1;
            if (allowed && consume) {
                tokens -= 1;
            }
            long remaining = (long) Math.floor(tokens);
            long reset = seconds((group.burst() - tokens) / group.perSecond());
            long retryAfter = allowed ? 0 : Math.max(1, seconds((1 - tokens) / group.perSecond()));
            return new Decision(allowed, group.burst(), remaining, reset, retryAfter);
        }

        synchronized boolean fullAt(Group group, long now) {
            refill(group, now);
            return tokens >= group.burst();
        }

        private void refill(Group group, long now) {
            tokens = Math.min(group.burst(), tokens + (now - updated) / 1e9 * group.perSecond());
            updated = now;
        }

        private static long seconds(double value) {
            return (long) Math.ceil(Math.max(0, value));
        }
    }
}
