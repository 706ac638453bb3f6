package org.yaqaza.intelligence.screening.api;

/** Why one item of a batch could not be screened: the status and problem title it would get on its own. */
public record BatchItemError(int status, String title, String detail) {
}
