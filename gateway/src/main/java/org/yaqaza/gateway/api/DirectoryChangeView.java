package org.yaqaza.gateway.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A directory change that needs (or needed) a second administrator: what it does to whom, why it needs one, the
 * values before and after, and its decision. {@code generatedSecret} appears only in the answer to the request
 * that generated a client secret, once; it is never stored.
 */
public record DirectoryChangeView(
        UUID id,
        String kind,
        String name,
        String action,
        List<String> reasons,
        String oldValues,
        String newValues,
        String status,
        String requestedBy,
        Instant requestedAt,
        String decidedBy,
        Instant decidedAt,
        @JsonInclude(JsonInclude.Include.NON_NULL) String generatedSecret) {
}
