package org.yaqaza.common.audit;

import java.time.Instant;
import java.util.List;

import org.yaqaza.common.security.Classification;

/**
 * An audit event as auditors read it: {@code seq} is the global insertion order, {@code chain} and {@code chainSeq}
 * its place in one of the database's hash chains ({@code prevHash} is that chain's previous event's hash).
 */
public record AuditEventView(long seq, Instant occurredAt, String subject, List<String> roles, String agency,
        String partner, String action, String objectType, String objectId, Classification classification,
        String requestId, String clientAddress, String detail, String prevHash, String hash, int chain, long chainSeq) {

    public static AuditEventView of(AuditEvent e) {
        return new AuditEventView(e.seq, e.occurredAt, e.subject,
                e.roles.isEmpty() ? List.of() : List.of(e.roles.split(",")), e.agency, e.partner, e.action,
                e.objectType, e.objectId, e.classification == null ? null : Classification.ofLevel(e.classification),
                e.requestId, e.clientAddress, e.detail, e.prevHash, e.hash, e.chain, e.chainSeq);
    }
}
