package org.yaqaza.prevention.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.yaqaza.common.security.Classification;
import org.yaqaza.prevention.model.ProgrammeKind;

public record ProgrammeView(UUID id, ProgrammeKind kind, String name, String institution, String region,
        int capacity, Classification classification, List<String> compartments, String ownerAgency,
        List<String> sharedWith, Instant createdAt, String createdBy, Instant updatedAt, long version) {
}
