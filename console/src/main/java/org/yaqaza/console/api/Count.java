package org.yaqaza.console.api;

/** A count, as the services return it. */
public record Count(long count) {
}
