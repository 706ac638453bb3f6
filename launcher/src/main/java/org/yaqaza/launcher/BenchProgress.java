package org.yaqaza.launcher;

import java.util.Locale;

/**
 * Progress of a long bench phase (loading rows): at most one line every few seconds with the count, the rate and
 * the time left, so that a load of a million rows never runs silent.
 */
public final class BenchProgress {

    private static final long EVERY_NANOS = 5_000_000_000L;

    private final String what;
    private final long total;
    private final long start = System.nanoTime();
    private long done;
    private long lastPrinted = start;

    public BenchProgress(String what, long total) {
        this.what = what;
        this.total = total;
    }

    /** Counts {@code n} more rows and prints a line when the last one is old enough. */
    public void advance(long n) {
        done += n;
        long now = System.nanoTime();
        if (now - lastPrinted >= EVERY_NANOS) {
            lastPrinted = now;
            System.out.println(line(now));
        }
    }

    /** The rows counted so far per second since the phase began. */
    public double rate() {
        double seconds = (System.nanoTime() - start) / 1e9;
        return seconds > 0 ? done / seconds : 0;
    }

    String line(long now) {
        double seconds = (now - start) / 1e9;
        double rate = seconds > 0 ? done / seconds : 0;
        long left = rate > 0 ? Math.round((total - done) / rate) : -1;
        String eta = left < 0 ? "?" : left / 60 + " min " + left % 60 + " s";
        return String.format(Locale.ROOT, "  %s: %,d / %,d (%.0f %%), %,.0f/s, %s left", what, done, total,
                total > 0 ? 100.0 * done / total : 100.0, rate, eta);
    }
}
