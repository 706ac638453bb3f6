package org.yaqaza.gateway.service;

import java.time.Instant;

/**
 * Fired (a CDI event, inside the transaction) when a user's or client's earlier tokens stop being good: it was
 * disabled, its credential set, or what its tokens carry changed. Observed once the change has committed.
 */
public record TokensRevoked(String subject, Instant validAfter) {
}
