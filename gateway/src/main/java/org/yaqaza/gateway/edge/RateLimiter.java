package org.yaqaza.gateway.edge;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;

import org.yaqaza.gateway.config.GatewayConfig;

import io.vertx.core.Vertx;

/**
 * Token buckets per (group, client) held in this replica's memory: limits are per gateway replica. A bucket
 * refills continuously at {@code per-second} up to {@code burst}; full buckets are dropped every minute, so
 * memory follows the number of recently active clients, not of all clients ever seen.
 * <p>
 * Every forwarded request takes a token, from any event loop, so a bucket is one atomic number (the generic cell
 * rate algorithm: the time at which the bucket will be full again) changed by compare-and-set, without a lock,
 * and looked up without building a key.
 */
@Singleton
public class RateLimiter {

    public static final String DEFAULT = "default";
    public static final String TOKEN = "token";
    public static final String FAILED_LOGIN = "failed-login";

    /** The outcome of one request against its bucket, with what the RateLimit-* headers report. */
    public record Decision(boolean allowed, int limit, long remaining, long resetSeconds, long retryAfterSeconds) {
    }

    public static final class Group {
        private final String name;
        private final List<String> paths;
        /** Each path followed by "/", to match the paths below it without building a string per request. */
        private final List<String> pathsBelow;
        private final int burst;
        private final double perSecond;
        /** Nanoseconds between two tokens. */
        private final double interval;
        private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

        Group(String name, List<String> paths, int burst, double perSecond) {
            this.name = name;
            this.paths = List.copyOf(paths);
            this.pathsBelow = paths.stream().map(p -> p + "/").toList();
            this.burst = burst;
            this.perSecond = perSecond;
            this.interval = 1e9 / perSecond;
        }

        public String name() {
            return name;
        }

        public List<String> paths() {
            return paths;
        }

        public int burst() {
            return burst;
        }

        public double perSecond() {
            return perSecond;
        }

        /** The length of the longest of this group's prefixes that {@code path} is, or is below; -1 if none. */
        int match(String path) {
            int best = -1;
            for (int i = 0; i < paths.size(); i++) {
                String prefix = paths.get(i);
                if (prefix.length() > best && (path.equals(prefix) || path.startsWith(pathsBelow.get(i)))) {
                    best = prefix.length();
                }
            }
            return best;
        }
    }

    private final Map<String, Group> groups = new ConcurrentHashMap<>();
    /** Path groups, longest prefix first. */
    private final List<Group> byPath;
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
            int length = group.match(path);
            if (length > bestLength) {
                best = group;
                bestLength = length;
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

    private static Bucket bucket(Group group, String client) {
        Bucket bucket = group.buckets.get(client);
        return bucket != null ? bucket : group.buckets.computeIfAbsent(client, k -> new Bucket(System.nanoTime()));
    }

    private void sweep() {
        long now = System.nanoTime();
        for (Group group : groups.values()) {
            group.buckets.values().removeIf(bucket -> bucket.fullAt(now));
        }
    }

    @PreDestroy
    void stop() {
        vertx.cancelTimer(sweeper);
    }

    /**
     * A token bucket held as the time at which it will be full again ({@code full}): it holds
     * {@code burst - (full - now) / interval} tokens, all of them once {@code full <= now}.
     */
    private static final class Bucket {
        private final AtomicLong full;

        Bucket(long now) {
            this.full = new AtomicLong(now);
        }

        Decision take(Group group, long now, boolean consume) {
            double capacity = group.burst * group.interval;
            while (true) {
                long current = full.get();
                long from = Math.max(current, now);
                // tokens left now = burst - (from - now) / interval; one is needed
                boolean allowed = (from - now) + group.interval <= capacity + 0.5;
                long next = allowed && consume ? from + Math.round(group.interval) : current;
                if (next == current || full.compareAndSet(current, next)) {
                    double owed = Math.max(next, now) - now;
                    long remaining = Math.max(0, (long) Math.floor((capacity - owed) / group.interval + 1e-9));
                    long reset = seconds(owed);
                    long retryAfter = allowed ? 0 : Math.max(1, seconds(owed + group.interval - capacity));
                    return new Decision(allowed, group.burst, remaining, reset, retryAfter);
                }
            }
        }

        boolean fullAt(long now) {
            return full.get() <= now;
        }

        private static long seconds(double nanos) {
            return (long) Math.ceil(Math.max(0, nanos) / 1e9 - 1e-9);
        }
    }
}
