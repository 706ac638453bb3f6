package org.yaqaza.liaison.stix;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.UUID;

/**
 * Deterministic STIX identifiers (STIX 2.1 section 2.9): a name-based UUID version 5 (RFC 9562: SHA-1 of the
 * namespace and the name), so the same thing gets the same id in every version, on every run and on every replica.
 * The namespace is Yaqaza's own: STIX reserves its namespace ({@code 00abedb4-aa42-466c-9c01-fed23315a9b7}) for
 * cyber-observable objects, computed over their ID contributing properties, and forbids it for the domain,
 * relationship and meta objects this service emits. The name always starts with the object type, so two objects of
 * different types never share a UUID (the UUID part must be unique across types).
 */
public final class StixIds {

    /** Name-based ids of the objects Yaqaza produces (a fixed random UUID; never change it: ids would change). */
    static final UUID YAQAZA_NAMESPACE = UUID.fromString("68ffa3b3-8d51-4c77-8225-03698720dfdb");

    private StixIds() {
    }

    /** {@code <type>--<UUIDv5(Yaqaza namespace, "<type>:<key>")>}. */
    public static String of(String type, String key) {
        return type + "--" + uuid5(YAQAZA_NAMESPACE, type + ":" + key);
    }

    /** RFC 9562 UUID version 5 of a UTF-8 name in a namespace. */
    static UUID uuid5(UUID namespace, String name) {
        MessageDigest sha1;
        try {
            sha1 = MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-1", e);
        }
        sha1.update(ByteBuffer.allocate(16).putLong(namespace.getMostSignificantBits())
                .putLong(namespace.getLeastSignificantBits()).array());
        byte[] hash = sha1.digest(name.getBytes(StandardCharsets.UTF_8));
        hash[6] = (byte) ((hash[6] & 0x0f) | 0x50); // version 5
        hash[8] = (byte) ((hash[8] & 0x3f) | 0x80); // RFC variant
        ByteBuffer bytes = ByteBuffer.wrap(hash, 0, 16);
        return new UUID(bytes.getLong(), bytes.getLong());
    }
}
