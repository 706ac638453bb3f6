package org.yaqaza.prevention.api;

import java.time.LocalDate;
import java.util.UUID;

import org.yaqaza.prevention.model.ReoffenceKind;

public record ReoffenceView(UUID id, LocalDate occurredOn, ReoffenceKind kind, String legalBasis) {
}
