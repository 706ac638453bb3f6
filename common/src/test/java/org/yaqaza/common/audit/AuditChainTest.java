package org.yaqaza.common.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;

/** The hash's two canonical forms: events of the single-chain era keep verifying, new ones cover their position. */
class AuditChainTest {

    @Test
    void anEventOfTheSingleChainEraKeepsTheHashItWasStoredWith() throws Exception {
        AuditEvent old = event(42, (short) 0, 42);
        assertEquals(singleChainHash(old), AuditChain.hash(old));
    }

    @Test
    void movingAnOldEventToAnotherChainOrPositionChangesItsHash() {
        AuditEvent old = event(42, (short) 0, 42);
        String stored = AuditChain.hash(old);
        assertNotEquals(stored, AuditChain.hash(event(42, (short) 3, 42)), "another chain");
        assertNotEquals(stored, AuditChain.hash(event(42, (short) 0, 41)), "another position");
        assertNotEquals(stored, AuditChain.hash(event(41, (short) 0, 42)), "another global number");
    }

    @Test
    void aChainedEventsHashCoversItsChainAndPosition() {
        String stored = AuditChain.hash(event(100, (short) 5, 7));
        assertEquals(stored, AuditChain.hash(event(100, (short) 5, 7)), "deterministic");
        assertNotEquals(stored, AuditChain.hash(event(100, (short) 6, 7)), "another chain");
        assertNotEquals(stored, AuditChain.hash(event(100, (short) 5, 8)), "another position");
        assertNotEquals(stored, AuditChain.hash(event(101, (short) 5, 7)), "another global number");
        AuditEvent altered = event(100, (short) 5, 7);
        altered.subject = "someone-else";
        assertNotEquals(stored, AuditChain.hash(altered), "another subject");
    }

    private static AuditEvent event(long seq, short chain, long chainSeq) {
        AuditEvent e = new AuditEvent();
        e.seq = seq;
        e.chain = chain;
        e.chainSeq = chainSeq;
        e.occurredAt = Instant.parse("2026-11-30T10:15:30.123456Z");
        e.subject = "analyst-1";
        e.roles = "analyst";
        e.agency = "DGST";
        e.action = "CREATE";
        e.objectType = "report";
        e.objectId = "7f8e0b1c-0000-4000-8000-000000000001";
        e.classification = 2;
        e.requestId = "req-1";
        e.clientAddress = "10.0.0.1";
        e.prevHash = "a".repeat(64);
        return e;
    }

    /** The canonical form as it was before issue 21, copied here so that a change to it cannot go unnoticed. */
    private static String singleChainHash(AuditEvent e) throws Exception {
        StringBuilder canonical = new StringBuilder();
        for (Object field : new Object[] { e.seq, e.occurredAt, e.subject, e.roles, e.agency, e.partner, e.action,
                e.objectType, e.objectId, e.classification, e.requestId, e.clientAddress, e.detail, e.prevHash }) {
            String value = field == null ? "" : field.toString();
            canonical.append(value.length()).append(':').append(value).append(';');
        }
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(canonical.toString().getBytes(StandardCharsets.UTF_8)));
    }
}
