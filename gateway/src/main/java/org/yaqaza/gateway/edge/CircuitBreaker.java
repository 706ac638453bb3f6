package org.yaqaza.gateway.edge;

import java.time.Duration;

/**
 * One upstream's circuit: after {@code threshold} consecutive failures it opens and requests are refused at
 * once (no connection attempt, no waiting) for {@code openDuration}; then one trial request is let through
 * (half open): its success closes the circuit, its failure opens it again. Calls are short and never block on
 * I/O, so the event loop may use it. A closed circuit without failures (the normal case, on every forwarded
 * request) is read without taking the lock, so the event loops do not contend for it.
 */
public final class CircuitBreaker {

    public enum State {
        CLOSED, OPEN, HALF_OPEN
    }

    private final int threshold;
    private final long openNanos;
    private volatile State state = State.CLOSED;
    private volatile int failures;
    private long openedAt;
    private boolean trialInFlight;

    public CircuitBreaker(int threshold, Duration openDuration) {
        this.threshold = Math.max(1, threshold);
        this.openNanos = openDuration.toNanos();
    }

    /** Whether a request may go to the upstream now; in half-open state only one at a time. */
    public boolean allow() {
        return state == State.CLOSED || allowSlowly();
    }

    private synchronized boolean allowSlowly() {
        if (state == State.OPEN && System.nanoTime() - openedAt >= openNanos) {
            state = State.HALF_OPEN;
            trialInFlight = false;
        }
        return switch (state) {
            case CLOSED -> true;
            case OPEN -> false;
            case HALF_OPEN -> {
                if (trialInFlight) {
                    yield false;
                }
                trialInFlight = true;
                yield true;
            }
        };
    }

    public void success() {
        if (state == State.CLOSED && failures == 0) {
            return;
        }
        reset();
    }

    private synchronized void reset() {
        state = State.CLOSED;
        failures = 0;
        trialInFlight = false;
    }

    public synchronized void failure() {
        failures++;
        if (state == State.HALF_OPEN || failures >= threshold) {
            state = State.OPEN;
            openedAt = System.nanoTime();
            trialInFlight = false;
        }
    }

    public State state() {
        return state;
    }

    /** Whole seconds until a trial request will be let through (at least 1). */
    public synchronized long retryAfterSeconds(long fallback) {
        if (state != State.OPEN) {
            return fallback;
        }
        long left = openNanos - (System.nanoTime() - openedAt);
        return Math.max(1, (long) Math.ceil(left / 1e9));
    }
}
