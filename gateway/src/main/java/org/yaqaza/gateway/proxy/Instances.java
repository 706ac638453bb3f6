package org.yaqaza.gateway.proxy;

import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The instances of one upstream (replicas of a service on the same database, each at its own address): requests
 * take them in turn (round robin), skipping an instance that could not be connected to during the last
 * {@code downMillis} (yaqaza.gateway.proxy.instance-down-duration); when all are down, they are tried in turn all
 * the same (the circuit, per upstream, is what pauses a service that is down as a whole). With one instance (the
 * usual case, and Kubernetes, where a Service balances) every request goes to it. Never blocks: the event loops
 * call it on every request.
 */
public final class Instances {

    /** One address of the upstream. */
    public record Instance(boolean ssl, String host, int port, String basePath) {
        @Override
        public String toString() {
            return host + ":" + port;
        }
    }

    private final List<Instance> all;
    private final long downNanos;
    private final AtomicInteger next = new AtomicInteger();
    /** When each instance that failed to connect may be chosen again (System.nanoTime). */
    private final ConcurrentHashMap<Instance, Long> downUntil = new ConcurrentHashMap<>();

    Instances(List<Instance> all, long downMillis) {
        this.all = List.copyOf(all);
        this.downNanos = Math.max(0, downMillis) * 1_000_000L;
    }

    public List<Instance> all() {
        return all;
    }

    /** The next instance in turn that is not marked down; the next in turn when all are. */
    public Instance pick() {
        int n = all.size();
        if (n == 1) {
            return all.get(0);
        }
        int start = Math.floorMod(next.getAndIncrement(), n);
        if (downUntil.isEmpty()) {
            return all.get(start);
        }
        long now = System.nanoTime();
        for (int i = 0; i < n; i++) {
            Instance candidate = all.get((start + i) % n);
            if (isUp(candidate, now)) {
                return candidate;
            }
        }
        return all.get(start);
    }

    /** A connection to {@code instance} failed: it is skipped for a while (when there is another to take). */
    public void markDown(Instance instance) {
        if (all.size() > 1) {
            downUntil.put(instance, System.nanoTime() + downNanos);
        }
    }

    public boolean isUp(Instance instance) {
        return isUp(instance, System.nanoTime());
    }

    private boolean isUp(Instance instance, long now) {
        Long until = downUntil.get(instance);
        if (until == null) {
            return true;
        }
        if (now - until >= 0) {
            downUntil.remove(instance, until);
            return true;
        }
        return false;
    }
}
