package org.yaqaza.intelligence.api;

import jakarta.validation.constraints.Size;

/** A supervisor's approval or rejection, with an optional note. */
public record DecisionRequest(@Size(max = 2000) String note) {
}
