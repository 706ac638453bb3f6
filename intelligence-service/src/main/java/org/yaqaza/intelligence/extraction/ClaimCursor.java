package org.yaqaza.intelligence.extraction;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;

/**
 * Where an instance's next extraction claim starts in the queue's due-time order: at the due time of the latest
 * row it claimed (the cursor), or at the queue's head. Claimed rows are deleted, but until vacuum their index
 * entries stay at the head, and every claim from the head walks past them, row by row while a transaction older
 * than the deletions is open — claims included, so slow claims made every claim slower (docs/intelligence.md,
 * "Mention extraction", fifth and sixth rounds). Rows due before the cursor — a transaction that committed after
 * later ones (the bulk ingest stores a request's batches in parallel, so this happens all the time), a batch
 * retried later — are taken by claims from the head: one at least every {@code headEvery}, and more at once while
 * a claim from the head comes back full and ends before the cursor (more such rows may wait). Thread-safe: an
 * instance's workers share one.
 */
final class ClaimCursor {

    /** Where one claim starts: {@code from} null is the head; {@code cursor} is the cursor when it was chosen. */
    record Start(OffsetDateTime from, OffsetDateTime cursor) {
        boolean head() {
            return from == null;
        }
    }

    private final long headEveryNanos;
    private final LongSupplier nanoClock;
    private final AtomicReference<OffsetDateTime> claimedUpTo = new AtomicReference<>();
    private final AtomicLong headClaimedAt;
    /**
     * A claim from the head came back full and its latest row was due before the cursor. With one head claim a
     * second only, the rows left behind by out-of-order commits were taken a batch a second while the cursor raced
     * ahead, and waited until the ingest stopped (lag p95 63 s at 2,000 reports/s; sixth round).
     */
    private final AtomicBoolean behind = new AtomicBoolean();

    ClaimCursor(Duration headEvery, LongSupplier nanoClock) {
        this.headEveryNanos = headEvery.toNanos();
        this.nanoClock = nanoClock;
        this.headClaimedAt = new AtomicLong(nanoClock.getAsLong());
    }

    /** Where the next claim starts. */
    Start next() {
        long now = nanoClock.getAsLong();
        long last = headClaimedAt.get();
        OffsetDateTime cursor = claimedUpTo.get();
        if (cursor == null || behind.get()
                || now - last >= headEveryNanos && headClaimedAt.compareAndSet(last, now)) {
            return new Start(null, cursor);
        }
        return new Start(cursor, cursor);
    }

    /**
     * Records a claim that started at {@code start}: {@code full} when it took a whole batch, {@code latest} the due
     * time of its latest row (null when it took none). The cursor moves forward to the latest row, never back
     * (another worker's claim may have gone further). A claim that comes up short keeps it: going back to the head
     * whenever the queue was nearly empty, as at first, sent most claims of a steady ingest past the deleted rows.
     */
    void claimed(Start start, boolean full, OffsetDateTime latest) {
        if (start.head()) {
            // rows come in due order from the head: a full batch ending before the cursor may have more behind it
            behind.set(full && start.cursor() != null && latest.isBefore(start.cursor()));
        }
        if (latest != null) {
            claimedUpTo.accumulateAndGet(latest, (cursor, due) -> cursor == null || due.isAfter(cursor) ? due : cursor);
        }
    }
}
