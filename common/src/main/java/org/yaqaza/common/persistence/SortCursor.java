package org.yaqaza.common.persistence;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

import org.yaqaza.common.problem.ProblemException;

/**
 * Opaque keyset position in a sorted list: the order it was issued for ({@code -deadline}), the last row's sort
 * key and its id, which breaks ties. Fields are separated by a NUL so no key text can be mistaken for a separator.
 */
public record SortCursor(String sort, String key, String id) {

    private static final String PREFIX = "s1";
    private static final char SEP = '\u0000';

    public String encode() {
        String raw = PREFIX + SEP + sort + SEP + key + SEP + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    /** Decodes a client-supplied cursor; anything malformed is the client's error (400), never a 500. */
    public static SortCursor decode(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            String raw = new String(Base64.getUrlDecoder().decode(value.strip()), StandardCharsets.UTF_8);
            String[] parts = raw.split(String.valueOf(SEP), -1);
            if (parts.length != 4 || !PREFIX.equals(parts[0]) || parts[1].isEmpty() || parts[3].isEmpty()) {
                throw invalid();
            }
            return new SortCursor(parts[1], parts[2], parts[3]);
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
    }

    /** The tie-breaking id as a UUID; anything else was not issued by this API. */
    public UUID uuid() {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
    }

    /** The tie-breaking id as a number (audit sequence numbers). */
    public long number() {
        try {
            return Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw invalid();
        }
    }

    static ProblemException invalid() {
        return ProblemException.badRequest("Invalid cursor", "The cursor parameter is not one this API issued.",
                "cursor");
    }
}
