package org.yaqaza.console.api;

/** An entity to put on the user's watch list. */
public record WatchRequest(String entityId) {
}
