package org.yaqaza.common.marking.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.yaqaza.common.marking.MarkingRequest;
import org.yaqaza.common.marking.MarkingRequestStatus;
import org.yaqaza.common.security.Classification;
import org.yaqaza.common.security.Marking;

/**
 * A marking request as the API returns it: the record it is about, the marking it had ({@code from}) and the one
 * asked for ({@code to}), the decision, and the request's own marking (that of the record, which decides who sees
 * the request).
 */
public record MarkingRequestView(UUID id, String objectType, UUID objectId, long objectVersion, Marking from,
        Marking to, String reason, MarkingRequestStatus status, String requestedBy, Instant requestedAt,
        String decidedBy, Instant decidedAt, String decisionNote, Classification classification,
        List<String> compartments, String ownerAgency, List<String> sharedWith, long version) {

    public static MarkingRequestView of(MarkingRequest r) {
        return new MarkingRequestView(r.id, r.objectType, r.objectId, r.objectVersion, r.from(), r.to(), r.reason,
                r.status, r.createdBy, r.createdAt, r.decidedBy, r.decidedAt, r.decisionNote, r.classification,
                List.of(r.compartments), r.ownerAgency, List.of(r.sharedWith), r.version);
    }
}
