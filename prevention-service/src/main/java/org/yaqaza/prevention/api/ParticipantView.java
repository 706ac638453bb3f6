package org.yaqaza.prevention.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.yaqaza.common.security.Classification;
import org.yaqaza.prevention.model.ConsentScope;

/**
 * What anyone on the case sees: the code and the state of consent, never the identity. {@code id} and
 * {@code version} name the record in a marking request ({@code POST /api/prevention/marking-requests}).
 */
public record ParticipantView(String code, Classification classification, List<String> compartments,
        String ownerAgency, Instant createdAt, boolean anonymised, Map<ConsentScope, String> consent, UUID id,
        List<String> sharedWith, long version) {
}
