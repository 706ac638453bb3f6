package org.yaqaza.liaison.client;

import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** The part of the intelligence-service's answer to a report creation that the outbox keeps: the report's id. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CreatedReport(UUID id) {
}
