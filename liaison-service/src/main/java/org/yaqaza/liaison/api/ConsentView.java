package org.yaqaza.liaison.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

public record ConsentView(UUID id, String originatorPartner, String recipientPartner, UUID productId,
        String reference, LocalDate grantedOn, Instant recordedAt, String recordedBy) {
}
