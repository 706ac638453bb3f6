package org.yaqaza.prevention.api;

import java.util.List;
import java.util.UUID;

public record ProgressView(UUID enrolmentId, String participantCode, double completionPercent,
        List<ModuleProgress> modules) {
}
