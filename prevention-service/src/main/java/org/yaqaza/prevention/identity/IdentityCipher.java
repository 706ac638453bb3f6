package org.yaqaza.prevention.identity;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM for identity values. Each value gets a fresh random 96-bit nonce, and the stored form names the key
 * that made it: {@code [format 1][key id length][key id][nonce 12][ciphertext + 128-bit tag]}. The associated
 * data binds a ciphertext to its row and field, so a value copied into another row or column fails to decrypt
 * instead of showing someone else's name.
 */
public final class IdentityCipher {

    private static final byte FORMAT = 1;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final byte[] CHECK_LABEL =
            "yaqaza prevention identity key check v1".getBytes(StandardCharsets.UTF_8);

    private final String currentKeyId;
    private final Map<String, SecretKey> keys = new HashMap<>();
    private final SecureRandom random = new SecureRandom();

    public IdentityCipher(String currentKeyId, String currentKeyBase64, Map<String, String> previousKeys) {
        if (currentKeyId == null || currentKeyId.isBlank() || currentKeyId.length() > 64) {
            throw new IllegalArgumentException("identity key id must be 1 to 64 characters");
        }
        this.currentKeyId = currentKeyId;
        keys.put(currentKeyId, parseKey("yaqaza.prevention.identity-key", currentKeyBase64));
        previousKeys.forEach((id, value) -> {
            if (!id.equals(currentKeyId)) {
                keys.put(id, parseKey("yaqaza.prevention.previous-identity-keys." + id, value));
            }
        });
    }

    static SecretKey parseKey(String property, String base64) {
        byte[] raw;
        try {
            raw = Base64.getDecoder().decode(base64 == null ? "" : base64.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(property + " is not valid base64");
        }
        if (raw.length != 32) {
            throw new IllegalStateException(property + " must be base64 of exactly 32 random bytes (AES-256), got "
                    + raw.length + " bytes");
        }
        return new SecretKeySpec(raw, "AES");
    }

    public String currentKeyId() {
        return currentKeyId;
    }

    public java.util.Set<String> keyIds() {
        return java.util.Set.copyOf(keys.keySet());
    }

    public byte[] encrypt(String plaintext, String context) {
        if (plaintext == null) {
            return null;
        }
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        byte[] keyId = currentKeyId.getBytes(StandardCharsets.UTF_8);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, keys.get(currentKeyId), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.allocate(2 + keyId.length + NONCE_BYTES + sealed.length)
                    .put(FORMAT).put((byte) keyId.length).put(keyId).put(nonce).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("identity encryption failed", e);
        }
    }

    /** Decrypts a stored value; a wrong key or a tampered value raises {@link IdentityDecryptionException}. */
    public String decrypt(byte[] stored, String context) {
        if (stored == null) {
            return null;
        }
        try {
            ByteBuffer in = ByteBuffer.wrap(stored);
            if (in.get() != FORMAT) {
                throw new IdentityDecryptionException("unknown identity ciphertext format");
            }
            byte[] keyId = new byte[in.get()];
            in.get(keyId);
            String id = new String(keyId, StandardCharsets.UTF_8);
            SecretKey key = keys.get(id);
            if (key == null) {
                throw new IdentityDecryptionException(
                        "identity encrypted under key '" + id + "', which is not configured");
            }
            byte[] nonce = new byte[NONCE_BYTES];
            in.get(nonce);
            byte[] sealed = new byte[in.remaining()];
            in.get(sealed);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            return new String(cipher.doFinal(sealed), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | java.nio.BufferUnderflowException | NegativeArraySizeException e) {
            throw new IdentityDecryptionException(
                    "identity value does not decrypt under its key (wrong key or altered)");
        }
    }

    /** The key id a stored value names, or null when unreadable. */
    public static String keyIdOf(byte[] stored) {
        if (stored == null || stored.length < 2 || stored[0] != FORMAT || stored.length < 2 + stored[1]) {
            return null;
        }
        return new String(stored, 2, stored[1], StandardCharsets.UTF_8);
    }

    /** A check value of a key: HMAC-SHA256 under it of a fixed label. Reveals nothing about the key. */
    public byte[] checkValue(String keyId) {
        SecretKey key = keys.get(keyId);
        if (key == null) {
            throw new IllegalArgumentException("no key " + keyId);
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getEncoded(), "HmacSHA256"));
            return mac.doFinal(CHECK_LABEL);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public boolean matchesCheckValue(String keyId, byte[] stored) {
        return keys.containsKey(keyId) && MessageDigest.isEqual(checkValue(keyId), stored);
    }

    public static final class IdentityDecryptionException extends RuntimeException {
        public IdentityDecryptionException(String message) {
            super(message, null, false, false);
        }
    }
}
