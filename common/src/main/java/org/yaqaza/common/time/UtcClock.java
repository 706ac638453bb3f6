package org.yaqaza.common.time;

import java.time.Clock;
import java.time.Duration;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * The one clock every service reads time from, injected by constructor: UTC whatever the JVM's default zone (a
 * business date such as "today" must not move with the host's settings), ticking in microseconds, PostgreSQL's
 * precision, so an instant stored and read back compares equal. Tests replace it with a fixed clock.
 */
public class UtcClock {

    @Produces
    @Singleton
    Clock clock() {
        return Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000));
    }
}
