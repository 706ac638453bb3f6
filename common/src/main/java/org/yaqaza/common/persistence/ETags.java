package org.yaqaza.common.persistence;

import java.net.URI;

import jakarta.ws.rs.core.Response;

/**
 * Responses that carry a record's version as their ETag: the value a client sends back in If-Match to change
 * the record ({@link Versions#fromIfMatch}). One place decides the tag's form, so every service writes the same.
 */
public final class ETags {

    private ETags() {
    }

    /** 200 with the record and its version as ETag. */
    public static Response ok(Object entity, long version) {
        return Response.ok(entity).tag(tag(version)).build();
    }

    /** 201 at {@code location} with the record and its version as ETag. */
    public static Response created(URI location, Object entity, long version) {
        return Response.created(location).entity(entity).tag(tag(version)).build();
    }

    private static String tag(long version) {
        return Long.toString(version);
    }
}
