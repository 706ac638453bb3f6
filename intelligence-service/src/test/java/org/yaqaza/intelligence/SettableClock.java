package org.yaqaza.intelligence;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * The service's clock in every test of this module: the production one (UTC, microsecond ticks) until a test
 * stops it at an instant, and again once the test lets it go. A test that needs a stopped clock (UtcBusinessDateTest)
 * does so without a test profile of its own, which would cost a second start of the application.
 */
public final class SettableClock extends Clock {

    private static final Clock RUNNING = Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000));
    private static volatile Instant stoppedAt;

    /** Stops the clock at {@code instant} until {@link #run()}. */
    static void stopAt(Instant instant) {
        stoppedAt = instant;
    }

    /** The production clock again. */
    static void run() {
        stoppedAt = null;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return zone.equals(ZoneOffset.UTC) ? this : Clock.fixed(instant(), zone);
    }

    @Override
    public Instant instant() {
        Instant stopped = stoppedAt;
        return stopped != null ? stopped : RUNNING.instant();
    }

    /** Replaces the production producer (org.yaqaza.common.time.UtcClock) for the tests. */
    @Alternative
    @Priority(1)
    public static class Producer {
        @Produces
        @Singleton
        Clock clock() {
            return new SettableClock();
        }
    }
}
