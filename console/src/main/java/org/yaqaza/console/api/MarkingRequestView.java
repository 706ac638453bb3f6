package org.yaqaza.console.api;

import java.time.Instant;
import java.util.List;

/**
 * A marking request as {@code GET /api/<service>/marking-requests} returns it: the record it is about, the marking
 * it had ({@code from}) and the one asked for ({@code to}), the requester's reason, and the request's own marking.
 */
public record MarkingRequestView(String id, String objectType, String objectId, long objectVersion,
        MarkingValue from, MarkingValue to, String reason, String status, String requestedBy, Instant requestedAt,
        String classification, List<String> compartments, String ownerAgency) {

    /** A whole marking: level, compartments and the agencies it is shared with. */
    public record MarkingValue(String classification, List<String> compartments, List<String> sharedWith) {

        /** One line, e.g. {@code SECRET [CT-NORTH] → DGED}: the wire codes, not translated. */
        public String text() {
            StringBuilder line = new StringBuilder(classification == null ? "-" : classification);
            if (compartments != null && !compartments.isEmpty()) {
                line.append(" [").append(String.join(", ", compartments)).append(']');
            }
            if (sharedWith != null && !sharedWith.isEmpty()) {
                line.append(" → ").append(String.join(", ", sharedWith));
            }
            return line.toString();
        }
    }
}
