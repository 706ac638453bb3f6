package org.yaqaza.common.marking.api;

import jakarta.validation.constraints.Size;

/** What the decider writes down with an approval or a rejection (optional). */
public record MarkingDecision(@Size(max = 2000) String note) {
}
