package org.yaqaza.prevention.api;

import java.time.Instant;

import org.yaqaza.prevention.model.EnrolmentState;

public record TransitionView(EnrolmentState from, EnrolmentState to, String reason, String actor,
        Instant occurredAt) {
}
