package org.yaqaza.prevention.api;

import java.util.UUID;

public record ModuleView(UUID id, UUID programmeId, int position, String code, String title,
        int requiredSessions) {
}
