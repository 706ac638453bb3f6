package org.yaqaza.liaison.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.yaqaza.common.security.Classification;
import org.yaqaza.liaison.model.RfiStatus;

public record RfiView(UUID id, String partner, String subject, String question, String language, LocalDate dueDate,
        boolean overdue, RfiStatus status, Classification classification, String assignedTo, Instant assignedAt,
        UUID answerReleaseId, String declineReason, Instant receivedAt, Instant closedAt, long version) {
}
