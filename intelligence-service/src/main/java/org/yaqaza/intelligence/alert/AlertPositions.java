package org.yaqaza.intelligence.alert;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.yaqaza.common.persistence.Sql;
import org.yaqaza.common.problem.ProblemException;
import org.yaqaza.common.security.Caller;

/**
 * Stream positions as a caller sees them: the sequence number of the last alert delivered, sealed (AES-GCM, fresh
 * nonce, the caller's subject as associated data) under the key of migration V16_1. A caller can neither read a
 * position (so no gap or count of hidden alerts shows) nor use another caller's; a position it could not have
 * been given is a 400, never a guess.
 */
@ApplicationScoped
public class AlertPositions {

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final int SEALED_BYTES = NONCE_BYTES + Long.BYTES + TAG_BITS / 8;

    private final Sql sql;
    private final SecureRandom random = new SecureRandom();
    private volatile SecretKey key;

    public AlertPositions(Sql sql) {
        this.sql = sql;
    }

    /** The opaque event id of {@code seq} for {@code caller}. */
    public String seal(Caller caller, long seq) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, nonce, caller);
            byte[] sealed = cipher.doFinal(ByteBuffer.allocate(Long.BYTES).putLong(seq).array());
            return Base64.getUrlEncoder().withoutPadding().encodeToString(
                    ByteBuffer.allocate(SEALED_BYTES).put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every Java runtime", e);
        }
    }

    /** The sequence number an event id given to {@code caller} seals; 400 for anything else. */
    public long open(Caller caller, String eventId) {
        try {
            byte[] raw = Base64.getUrlDecoder().decode(eventId.strip());
            if (raw.length != SEALED_BYTES) {
                throw invalid();
            }
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, Arrays.copyOf(raw, NONCE_BYTES), caller);
            return ByteBuffer.wrap(cipher.doFinal(raw, NONCE_BYTES, raw.length - NONCE_BYTES)).getLong();
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            throw invalid();
        }
    }

    private Cipher cipher(int mode, byte[] nonce, Caller caller) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, key(), new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(caller.subject().getBytes(StandardCharsets.UTF_8));
        return cipher;
    }

    private SecretKey key() {
        SecretKey loaded = key;
        if (loaded == null) {
            loaded = new SecretKeySpec(loadSecret(), "AES");
            key = loaded;
        }
        return loaded;
    }

    @Transactional
    byte[] loadSecret() {
        return sql.one("select secret from alert_position_key where id = 1", Map.of(), rs -> rs.getBytes(1));
    }

    private static ProblemException invalid() {
        return ProblemException.badRequest("Invalid Last-Event-ID",
                "Last-Event-ID must be the id of an event this stream sent you.", "Last-Event-ID");
    }
}
