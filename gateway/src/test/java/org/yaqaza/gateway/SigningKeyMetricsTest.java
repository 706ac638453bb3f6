package org.yaqaza.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaqaza.gateway.service.SigningKeyMetrics;
import org.yaqaza.gateway.service.TokenKeys;
import org.yaqaza.testsupport.PrometheusText;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The signing key's dates at /q/metrics, which the rotation alerts watch: made on the date its kid carries (else
 * its file's time), allowed to sign until {@code rotate-after} (90 days) later, and exported under its kid.
 */
@QuarkusTest
class SigningKeyMetricsTest {

    private static final String CREATED = "yaqaza_gateway_signing_key_created_timestamp_seconds";
    private static final String NOT_AFTER = "yaqaza_gateway_signing_key_not_after_timestamp_seconds";
    private static final String AGE = "yaqaza_gateway_signing_key_age_seconds";

    @TempDir
    Path dir;

    @Inject
    TokenKeys keys;

    @Test
    void theRunningGatewayExportsItsSigningKeyDatesUnderItsKid() {
        String kid = keys.signing().kid();
        String metrics = PrometheusText.scrape();
        double created = PrometheusText.value(metrics, CREATED, "kid", kid).orElseThrow();
        double notAfter = PrometheusText.value(metrics, NOT_AFTER, "kid", kid).orElseThrow();
        double age = PrometheusText.value(metrics, AGE, "kid", kid).orElseThrow();
        // the tests' key is generated at start as local-<today>-<hex>: made today (UTC)
        double today = LocalDate.now(ZoneOffset.UTC).atStartOfDay(ZoneOffset.UTC).toEpochSecond();
        assertTrue(Math.abs(created - today) <= Duration.ofDays(1).toSeconds(), kid + " made " + created);
        assertEquals(Duration.ofDays(90).toSeconds(), notAfter - created, 0.001, "may sign for 90 days");
        assertTrue(age >= 0 && age < Duration.ofDays(2).toSeconds(), "age " + age);
        assertTrue(PrometheusText.value(metrics, CREATED, "kid", GatewayTestResource.RETIRED_KID).isEmpty(),
                "only the signing key is watched: a public-only key signs nothing");
    }

    @Test
    void theDateInTheKidIsTheDayTheKeyWasMade() {
        Path none = dir.resolve("absent.pem");
        assertEquals(day(2026, 1, 31), SigningKeyMetrics.createdAt("yaqaza-20260131", none));
        assertEquals(day(2026, 1, 15), SigningKeyMetrics.createdAt("dev-2026-01-15", none));
        assertEquals(day(2026, 7, 1), SigningKeyMetrics.createdAt("2026-07", none));
        assertEquals(day(2025, 12, 2), SigningKeyMetrics.createdAt("local-20251202-ab12cd34", none));
    }

    @Test
    void withoutADateInTheKidTheFileTimeCounts() throws Exception {
        Instant written = Instant.parse("2026-03-10T08:30:00Z");
        Path file = Files.writeString(dir.resolve("k.pem"), "key");
        Files.setLastModifiedTime(file, FileTime.from(written));
        assertEquals(Optional.of(written), SigningKeyMetrics.createdAt("primary", file));
        // digits that are no date (month 56) do not pass for one
        assertEquals(Optional.of(written), SigningKeyMetrics.createdAt("key-12345678", file));
        assertEquals(Optional.empty(), SigningKeyMetrics.createdAt("primary", dir.resolve("gone.pem")));
    }

    @Test
    void anOlderKeyReachesItsNotAfterSooner() {
        Duration rotateAfter = Duration.ofDays(90);
        Instant older = SigningKeyMetrics.notAfter(day(2026, 1, 1).orElseThrow(), rotateAfter);
        Instant newer = SigningKeyMetrics.notAfter(day(2026, 4, 1).orElseThrow(), rotateAfter);
        assertEquals(Instant.parse("2026-04-01T00:00:00Z"), older);
        assertEquals(Instant.parse("2026-06-30T00:00:00Z"), newer);
    }

    private static Optional<Instant> day(int year, int month, int day) {
        return Optional.of(LocalDate.of(year, month, day).atStartOfDay(ZoneOffset.UTC).toInstant());
    }
}
