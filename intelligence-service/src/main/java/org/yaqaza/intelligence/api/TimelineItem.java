package org.yaqaza.intelligence.api;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One dated item of an entity's timeline. {@code type}: REPORT (a report mentioning the entity), EVENT,
 * ASSESSMENT, CASE, CASE_TRANSITION, INTERVENTION or STATUS_CHANGE (an organisation's life cycle); {@code id} is
 * the record to open (the case for a transition, the entity for a status change). {@code precision} is DAY when
 * the source only has a date ({@code at} is then midnight UTC), INSTANT otherwise.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TimelineItem(String type, UUID id, Instant at, String precision, String title, String detail,
        String classification, UUID caseId) {
}
