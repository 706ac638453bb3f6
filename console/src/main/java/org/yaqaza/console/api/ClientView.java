package org.yaqaza.console.api;

import java.time.Instant;
import java.util.List;

import io.quarkus.qute.TemplateData;

/** A machine client of the gateway's directory as administrators read it ({@code /api/admin/clients}). */
@TemplateData
public record ClientView(String id, String clientId, String displayName, List<String> roles, String clearance,
        List<String> compartments, String agency, String partner, boolean enabled,
        List<String> tokenEndpointAuthMethods, boolean publicClient, List<String> redirectUris,
        Instant secretChangedAt, Instant createdAt, String createdBy, Instant updatedAt, String updatedBy,
        long version) {
}
