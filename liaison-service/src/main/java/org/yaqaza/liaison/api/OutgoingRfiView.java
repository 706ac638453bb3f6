package org.yaqaza.liaison.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.yaqaza.common.security.Classification;
import org.yaqaza.liaison.model.Category;
import org.yaqaza.liaison.model.Tlp;

/**
 * A request for information we sent, as our officers see it. {@code status}: SENT, ANSWERED, WITHDRAWN, or EXPIRED
 * (sent, unanswered, past its due date: {@code overdue} is then true as well).
 */
public record OutgoingRfiView(UUID id, String partner, String subject, String question, Category category, Tlp tlp,
        LocalDate dueDate, String status, boolean overdue, Classification classification, List<String> compartments,
        String ownerAgency, String createdBy, Instant sentAt, String answer, Instant answeredAt, String answeredBy,
        Instant withdrawnAt, String withdrawnBy, String withdrawReason, long version) {
}
