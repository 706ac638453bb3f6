package org.yaqaza.gateway.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.yaqaza.common.security.Classification;

/** A person in the directory as admins see it; never the password hash. */
public record UserView(
        UUID id,
        String username,
        String displayName,
        List<String> roles,
        Classification clearance,
        List<String> compartments,
        String agency,
        boolean enabled,
        Instant passwordChangedAt,
        Instant createdAt,
        String createdBy,
        Instant updatedAt,
        String updatedBy,
        long version) {
}
