package org.yaqaza.intelligence.api;

/** How many records match, among those the caller may see. */
public record CountView(long count) {
}
