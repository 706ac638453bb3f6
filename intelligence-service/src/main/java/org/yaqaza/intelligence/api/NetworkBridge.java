package org.yaqaza.intelligence.api;

import java.util.List;
import java.util.UUID;

/**
 * A visible link from the analysed organisation, one of its members or a selected person to a foreign person or
 * group outside that core; {@code reason} says what makes the far end foreign.
 */
public record NetworkBridge(UUID fromId, UUID relationshipId, String type, UUID foreignId, String foreignKind,
        String foreignName, String nationality, List<String> externalAffiliations, String reason) {
}
