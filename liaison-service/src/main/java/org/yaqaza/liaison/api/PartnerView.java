package org.yaqaza.liaison.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.yaqaza.common.security.Classification;
import org.yaqaza.liaison.model.Contact;
import org.yaqaza.liaison.model.PartnerStatus;

public record PartnerView(UUID id, String code, String country, String serviceName, PartnerStatus status,
        Classification classification, List<String> compartments, String ownerAgency, List<String> sharedWith,
        List<Contact> contacts, List<String> clientIds, Instant createdAt, String createdBy, Instant updatedAt,
        long version) {
}
