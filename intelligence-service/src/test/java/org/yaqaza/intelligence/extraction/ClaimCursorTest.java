package org.yaqaza.intelligence.extraction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

/**
 * Where extraction claims start: a row that committed after later ones (due before the cursor) must not wait for
 * the queue to empty, and claims must not go back to the queue's head (past every deleted row) more than needed.
 */
class ClaimCursorTest {

    private static final OffsetDateTime T = OffsetDateTime.of(2026, 12, 5, 12, 0, 0, 0, ZoneOffset.UTC);

    private final AtomicLong nanos = new AtomicLong();
    private final ClaimCursor cursor = new ClaimCursor(Duration.ofSeconds(1), nanos::get);

    @Test
    void everyClaimMovesTheNextOnesToItsLatestRowEvenOneThatComesUpShort() {
        ClaimCursor.Start first = cursor.next();
        assertTrue(first.head(), "nothing claimed yet: from the head");
        cursor.claimed(first, true, T.plusSeconds(5));
        ClaimCursor.Start fromCursor = cursor.next();
        assertEquals(T.plusSeconds(5), fromCursor.from());
        // a nearly empty queue, as in a steady ingest that extraction keeps up with: still not back to the head
        cursor.claimed(fromCursor, false, T.plusSeconds(6));
        assertEquals(T.plusSeconds(6), cursor.next().from());
        cursor.claimed(cursor.next(), false, null);
        assertEquals(T.plusSeconds(6), cursor.next().from(), "an empty claim leaves the cursor where it was");
    }

    @Test
    void theHeadIsClaimedAtLeastOnceASecondWhileTheCursorKeepsFindingRows() {
        cursor.claimed(cursor.next(), true, T);
        assertFalse(cursor.next().head());
        nanos.addAndGet(Duration.ofMillis(999).toNanos());
        assertFalse(cursor.next().head());
        nanos.addAndGet(Duration.ofMillis(1).toNanos());
        ClaimCursor.Start head = cursor.next();
        assertTrue(head.head(), "a second since the last claim from the head");
        assertEquals(T, head.cursor());
        assertFalse(cursor.next().head(), "one claim from the head a second, not one per worker");
    }

    @Test
    void rowsFoundBeforeTheCursorAreClaimedFromTheHeadAgainAtOnceUntilABatchReachesTheCursor() {
        ClaimCursor.Start head = headClaimASecondAfterTheCursorReached(T.plusSeconds(10));
        // a full batch from the head, all due before the cursor: a transaction committed after later ones
        cursor.claimed(head, true, T.plusSeconds(3));
        ClaimCursor.Start again = cursor.next();
        assertTrue(again.head(), "more rows may wait before the cursor: the head again, without waiting a second");
        assertEquals(T.plusSeconds(10), cursor.next().cursor(), "the cursor stays where it was");
        // this batch reaches past the cursor: nothing is left before it
        cursor.claimed(again, true, T.plusSeconds(11));
        assertNextClaimFromTheCursorAt(T.plusSeconds(11), "back to the cursor, moved to the batch's latest row");
    }

    @Test
    void aShortClaimFromTheHeadLeavesNothingBeforeTheCursor() {
        ClaimCursor.Start head = headClaimASecondAfterTheCursorReached(T.plusSeconds(10));
        cursor.claimed(head, false, T.plusSeconds(2));
        assertNextClaimFromTheCursorAt(T.plusSeconds(10),
                "every row due before the cursor was taken: back to the cursor until the next second");
    }

    private void assertNextClaimFromTheCursorAt(OffsetDateTime due, String why) {
        ClaimCursor.Start next = cursor.next();
        assertFalse(next.head(), why);
        assertEquals(due, next.from(), why);
    }

    /** A full claim moves the cursor to {@code due}; a second later the head's turn comes: that claim's start. */
    private ClaimCursor.Start headClaimASecondAfterTheCursorReached(OffsetDateTime due) {
        cursor.claimed(cursor.next(), true, due);
        nanos.addAndGet(Duration.ofSeconds(1).toNanos());
        ClaimCursor.Start head = cursor.next();
        assertTrue(head.head());
        assertEquals(due, head.cursor());
        return head;
    }

    @Test
    void theCursorNeverMovesBack() {
        ClaimCursor.Start a = cursor.next();
        ClaimCursor.Start b = cursor.next();
        cursor.claimed(a, true, T.plusSeconds(8));
        // another worker's full claim that started earlier and ended before the cursor: the cursor stays
        cursor.claimed(b, true, T.plusSeconds(4));
        assertEquals(T.plusSeconds(8), cursor.next().cursor());
    }
}
