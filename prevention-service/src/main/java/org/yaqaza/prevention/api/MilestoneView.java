package org.yaqaza.prevention.api;

import java.time.LocalDate;
import java.util.UUID;

import org.yaqaza.prevention.model.MilestoneKind;

public record MilestoneView(UUID id, MilestoneKind kind, LocalDate achievedOn, String note) {
}
