package org.yaqaza.liaison.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.yaqaza.liaison.model.Category;
import org.yaqaza.liaison.model.ConsentStatus;

/** A consent with its scope and where it stands; only APPROVED (and, for a window, in it) counts. */
public record ConsentView(UUID id, String originatorPartner, String recipientPartner, UUID productId,
        Category category, LocalDate validFrom, LocalDate validTo, String reference, LocalDate grantedOn,
        ConsentStatus status, Instant recordedAt, String recordedBy, String decidedBy, Instant decidedAt,
        String revokedBy, Instant revokedAt, String revokeReason, long version) {
}
