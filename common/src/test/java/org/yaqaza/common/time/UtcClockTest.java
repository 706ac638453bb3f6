package org.yaqaza.common.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.TimeZone;

import org.junit.jupiter.api.Test;

class UtcClockTest {

    @Test
    void theClockIsUtcWhateverTheJvmZoneAndTicksInMicroseconds() {
        TimeZone original = TimeZone.getDefault();
        try {
            TimeZone.setDefault(TimeZone.getTimeZone("Pacific/Kiritimati"));
            Clock clock = new UtcClock().clock();
            assertEquals(ZoneOffset.UTC, clock.getZone());
            Instant before = Instant.now();
            Instant now = clock.instant();
            assertTrue(Duration.between(before, now).abs().toSeconds() < 5, now + " vs " + before);
            // what PostgreSQL stores (microseconds) is what the service holds: no rounding on the way back
            assertEquals(0, now.getNano() % 1_000, now.toString());
        } finally {
            TimeZone.setDefault(original);
        }
    }
}
