package org.yaqaza.common.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The hash of one audit event: SHA-256 over its fields, its position and the previous event's hash in its chain.
 * Events written before there were several chains (chain 0, {@code chainSeq == seq}) keep the canonical form they
 * were hashed with, whose {@code seq} is their position; every other event's form starts with a version tag and
 * covers {@code seq}, {@code chain} and {@code chainSeq} too. Changing any of the three on an old event moves it to
 * the new form, so its stored hash no longer matches either.
 */
public final class AuditChain {

    /** The hash the first event links to. */
    public static final String GENESIS = "0".repeat(64);

    /** Tag of the canonical form with chain positions; never a number, so never the first field of the old form. */
    private static final String CHAINED_FORM = "chained-1";

    private AuditChain() {
    }

    public static String hash(AuditEvent e) {
        StringBuilder canonical = new StringBuilder();
        if (!legacy(e)) {
            for (Object field : new Object[] { CHAINED_FORM, e.chain, e.chainSeq }) {
                append(canonical, field);
            }
        }
        // length-prefixed fields: no value can be made to look like two others
        for (Object field : new Object[] { e.seq, e.occurredAt, e.subject, e.roles, e.agency, e.partner, e.action,
                e.objectType, e.objectId, e.classification, e.requestId, e.clientAddress, e.detail, e.prevHash }) {
            append(canonical, field);
        }
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest(canonical.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /** The old, single-chain form: chain 0 at the position its global sequence number gives. */
    static boolean legacy(AuditEvent e) {
        return e.chain == 0 && e.chainSeq == e.seq;
    }

    private static void append(StringBuilder canonical, Object field) {
        String value = field == null ? "" : field.toString();
        canonical.append(value.length()).append(':').append(value).append(';');
    }
}
