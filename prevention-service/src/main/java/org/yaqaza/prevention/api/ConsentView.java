package org.yaqaza.prevention.api;

import java.time.LocalDate;
import java.util.UUID;

import org.yaqaza.prevention.model.ConsentScope;

public record ConsentView(UUID id, ConsentScope scope, LocalDate givenOn, String recordedBy, String note,
        LocalDate withdrawnOn, String withdrawalRecordedBy) {
}
