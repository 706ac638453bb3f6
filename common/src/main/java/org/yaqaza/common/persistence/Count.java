package org.yaqaza.common.persistence;

/** How many records match, among those the caller may see. */
public record Count(long count) {
}
