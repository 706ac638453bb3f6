package org.yaqaza.liaison.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.yaqaza.common.security.Classification;
import org.yaqaza.liaison.model.AgreementStatus;

public record AgreementView(UUID id, UUID partnerId, String reference, Classification ceiling,
        List<String> categories, LocalDate validFrom, LocalDate validTo, AgreementStatus status, boolean activeToday,
        Instant createdAt, String createdBy, Instant updatedAt, long version, Classification pendingCeiling,
        List<String> pendingCategories, String proposedBy, Instant proposedAt) {
}
