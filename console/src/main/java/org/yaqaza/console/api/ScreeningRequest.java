package org.yaqaza.console.api;

/** One name to screen, with the optional facts that adjust the scores. */
public record ScreeningRequest(String name, Integer birthYear, String nationality, Integer limit) {
}
