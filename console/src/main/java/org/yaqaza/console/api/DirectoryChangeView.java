package org.yaqaza.console.api;

import java.time.Instant;
import java.util.List;

import io.quarkus.qute.TemplateData;

/**
 * A directory change waiting for (or decided by) a second administrator: what it does to whom, why it needs a
 * second person, the values before and after, and its decision.
 */
@TemplateData
public record DirectoryChangeView(String id, String kind, String name, String action, List<String> reasons,
        String oldValues, String newValues, String status, String requestedBy, Instant requestedAt,
        String decidedBy, Instant decidedAt) {
}
