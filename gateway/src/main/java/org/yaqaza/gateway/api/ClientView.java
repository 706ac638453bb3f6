package org.yaqaza.gateway.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.yaqaza.common.security.Classification;

/** A machine client as admins see it; never the secret hash. */
public record ClientView(
        UUID id,
        String clientId,
        String displayName,
        List<String> roles,
        Classification clearance,
        List<String> compartments,
        String agency,
        String partner,
        boolean enabled,
        Instant lockedUntil,
        Instant secretChangedAt,
        Instant createdAt,
        String createdBy,
        Instant updatedAt,
        String updatedBy,
        long version) {
}
