package org.yaqaza.liaison.taxii;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.UUID;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.yaqaza.common.problem.ProblemException;

/**
 * The TAXII {@code next} value: the store position of the last object a partner was given, AES-256-GCM encrypted
 * with the partner and collection as associated data. The position is global over every partner's collection, so
 * sent in clear its steps would count objects released to others (issue 16); encrypted under a fresh nonce it says
 * nothing, and a cursor that was altered, made up or taken from another partner or collection fails its tag and
 * is refused with 400. The key is the database's ({@code taxii_cursor_key}), shared by every replica.
 */
@ApplicationScoped
public class TaxiiCursors {

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final EntityManager em;
    private final SecureRandom random = new SecureRandom();
    private volatile SecretKey key;

    public TaxiiCursors(EntityManager em) {
        this.em = em;
    }

    /** The cursor a partner sends back to continue after {@code position}. */
    public String encode(String partnerCode, UUID collection, long position) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, nonce, partnerCode, collection);
            byte[] sealed = cipher.doFinal(ByteBuffer.allocate(Long.BYTES).putLong(position).array());
            return ENCODER.encodeToString(ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed)
                    .array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is unavailable", e);
        }
    }

    /** The position a cursor of this partner and collection stands for; 400 for anything this server did not issue. */
    public long decode(String partnerCode, UUID collection, String cursor) {
        byte[] raw;
        try {
            raw = DECODER.decode(cursor);
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
        if (raw.length != NONCE_BYTES + Long.BYTES + TAG_BITS / 8) {
            throw invalid();
        }
        try {
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, Arrays.copyOf(raw, NONCE_BYTES), partnerCode,
                    collection);
            return ByteBuffer.wrap(cipher.doFinal(raw, NONCE_BYTES, raw.length - NONCE_BYTES)).getLong();
        } catch (AEADBadTagException e) {
            throw invalid();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is unavailable", e);
        }
    }

    static ProblemException invalid() {
        return ProblemException.badRequest("Invalid next", "next must be a value this server returned to you "
                + "for this collection.", "next");
    }

    private Cipher cipher(int mode, byte[] nonce, String partnerCode, UUID collection)
            throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, key(), new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(("yaqaza taxii cursor v1|" + partnerCode + "|" + collection)
                .getBytes(StandardCharsets.UTF_8));
        return cipher;
    }

    /** Read once, in the caller's transaction (the key never changes). */
    private SecretKey key() {
        SecretKey k = key;
        if (k == null) {
            byte[] raw = (byte[]) em.createNativeQuery("select key from taxii_cursor_key where id = 1")
                    .getSingleResult();
            k = new SecretKeySpec(raw, "AES");
            key = k;
        }
        return k;
    }
}
