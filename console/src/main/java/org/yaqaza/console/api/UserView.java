package org.yaqaza.console.api;

import java.time.Instant;
import java.util.List;

import io.quarkus.qute.TemplateData;

/** A person in the gateway's directory as administrators read it ({@code /api/admin/users}). */
@TemplateData
public record UserView(String id, String username, String displayName, List<String> roles, String clearance,
        List<String> compartments, String agency, boolean enabled, Instant passwordChangedAt, Instant createdAt,
        String createdBy, Instant updatedAt, String updatedBy, long version) {
}
