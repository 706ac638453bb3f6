package org.yaqaza.common.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** The hash of one audit event: SHA-256 over its fields and the previous event's hash. */
public final class AuditChain {

    /** The hash the first event links to. */
    public static final String GENESIS = "0".repeat(64);

    private AuditChain() {
    }

    public static String hash(AuditEvent e) {
        StringBuilder canonical = new StringBuilder();
        // length-prefixed fields: no value can be made to look like two others
        for (Object field : new Object[] { e.seq, e.occurredAt, e.subject, e.roles, e.agency, e.partner, e.action,
                e.objectType, e.objectId, e.classification, e.requestId, e.clientAddress, e.detail, e.prevHash }) {
            String value = field == null ? "" : field.toString();
            canonical.append(value.length()).append(':').append(value).append(';');
        }
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest(canonical.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
