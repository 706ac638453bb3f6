package org.yaqaza.liaison.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.yaqaza.common.security.Classification;
import org.yaqaza.liaison.model.Category;
import org.yaqaza.liaison.model.Tlp;

/**
 * A request for information addressed to the calling partner (partner API): no internal fields (who drafted it,
 * our agency, compartments). {@code status}: SENT, ANSWERED, WITHDRAWN or EXPIRED (past its due date, unanswered).
 */
public record PartnerRfiView(UUID id, String subject, String question, Category category, Tlp tlp,
        Classification classification, LocalDate dueDate, String status, Instant sentAt, String answer,
        Instant answeredAt) {
}
