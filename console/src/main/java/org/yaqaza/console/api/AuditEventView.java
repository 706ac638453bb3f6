package org.yaqaza.console.api;

import java.time.Instant;
import java.util.List;

import io.quarkus.qute.TemplateData;

/** An audit event as a service's audit API returns it to auditors (metadata only, never record content). */
@TemplateData
public record AuditEventView(long seq, Instant occurredAt, String subject, List<String> roles, String agency,
        String partner, String action, String objectType, String objectId, String classification,
        String requestId, String clientAddress, String detail, String hash) {
}
