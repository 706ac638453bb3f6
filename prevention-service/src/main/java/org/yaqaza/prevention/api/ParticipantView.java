package org.yaqaza.prevention.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.yaqaza.common.security.Classification;
import org.yaqaza.prevention.model.ConsentScope;

/** What anyone on the case sees: the code and the state of consent, never the identity. */
public record ParticipantView(String code, Classification classification, List<String> compartments,
        String ownerAgency, Instant createdAt, boolean anonymised, Map<ConsentScope, String> consent) {
}
