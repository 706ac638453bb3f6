package org.yaqaza.gateway.service;

/**
 * Fired (a CDI event, inside the transaction) whenever a machine client is changed in the directory: updated,
 * disabled, its secret set. Whatever remembers something about the client (the edge's Basic exchange cache)
 * forgets it once the change is committed.
 */
public record ClientChanged(String clientId) {
}
