package org.yaqaza.liaison.api;

import java.time.Instant;
import java.util.UUID;

import org.yaqaza.liaison.model.Precedence;
import org.yaqaza.liaison.model.Tlp;

public record PartnerWarningView(UUID id, Precedence precedence, Tlp tlp, String title, String body,
        Instant issuedAt, Instant deadlineAt, Instant acknowledgedAt) {
}
