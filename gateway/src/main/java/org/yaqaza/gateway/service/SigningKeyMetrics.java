package org.yaqaza.gateway.service;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Singleton;

import org.yaqaza.gateway.config.GatewayConfig;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;

/**
 * When the signing key was made and until when it may sign, for the key-rotation alerts. An RSA key file has no
 * date of its own: the kid's date is used ({@code yaqaza-20260131} as docs/operations.md names keys,
 * {@code 2026-01-31}, or {@code 2026-01} for the first of the month), else the file's modification time (in a
 * Kubernetes Secret volume that is when the Secret was last written). The not-after is that time plus
 * {@code yaqaza.gateway.token.rotate-after}.
 */
@Startup // exported from the first scrape on; the key ring itself is fixed for the life of the process
@Singleton
public class SigningKeyMetrics {

    /** Year, month and optionally day, with or without dashes, not inside a longer run of digits. */
    private static final Pattern DATE = Pattern.compile("(?<!\\d)(\\d{4})-?(\\d{2})(?:-?(\\d{2}))?(?!\\d)");

    public SigningKeyMetrics(TokenKeys keys, GatewayConfig config, MeterRegistry registry, Clock clock) {
        String kid = keys.signing().kid();
        Optional<Instant> created = createdAt(kid, config.token().keyDirectory().resolve(kid + ".pem"));
        double createdSeconds = created.map(t -> (double) t.getEpochSecond()).orElse(Double.NaN);
        double notAfterSeconds = created.map(t -> (double) notAfter(t, config.token().rotateAfter())
                .getEpochSecond()).orElse(Double.NaN);
        Gauge.builder("yaqaza.gateway.signing.key.created.timestamp", () -> createdSeconds)
                .description("When the signing key was made (Unix time): the date in its kid, else its file's time")
                .baseUnit("seconds").tag("kid", kid).register(registry);
        Gauge.builder("yaqaza.gateway.signing.key.not.after.timestamp", () -> notAfterSeconds)
                .description("Until when the signing key may sign (Unix time): made + yaqaza.gateway.token.rotate-after")
                .baseUnit("seconds").tag("kid", kid).register(registry);
        Gauge.builder("yaqaza.gateway.signing.key.age",
                () -> Math.max(0, clock.instant().getEpochSecond() - createdSeconds))
                .description("How long ago the signing key was made")
                .baseUnit("seconds").tag("kid", kid).register(registry);
    }

    /** The kid's date (midnight UTC), else the key file's modification time, else unknown. */
    public static Optional<Instant> createdAt(String kid, Path file) {
        Matcher m = DATE.matcher(kid);
        while (m.find()) {
            try {
                int day = m.group(3) == null ? 1 : Integer.parseInt(m.group(3));
                return Optional.of(LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), day)
                        .atStartOfDay(ZoneOffset.UTC).toInstant());
            } catch (DateTimeException notADate) {
                // digits that are no date (a serial number, say): look further, then fall back to the file
            }
        }
        try {
            return Optional.of(Files.getLastModifiedTime(file).toInstant());
        } catch (IOException | UnsupportedOperationException e) {
            return Optional.empty();
        }
    }

    /** The not-after of a key made at {@code created}. */
    public static Instant notAfter(Instant created, Duration rotateAfter) {
        return created.plus(rotateAfter);
    }
}
