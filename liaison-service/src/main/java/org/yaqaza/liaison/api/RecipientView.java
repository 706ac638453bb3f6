package org.yaqaza.liaison.api;

import java.time.Instant;

import org.yaqaza.liaison.model.RecipientStatus;

/** Where a release stands with one of its partners. */
public record RecipientView(String partner, RecipientStatus status, Instant releasedAt, Instant acknowledgedAt) {
}
