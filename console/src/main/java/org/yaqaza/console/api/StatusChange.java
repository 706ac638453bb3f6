package org.yaqaza.console.api;

import java.time.Instant;
import java.time.LocalDate;

import io.quarkus.qute.TemplateData;

/** One change of an organisation's status, as the intelligence API lists them. */
@TemplateData
public record StatusChange(String from, String to, LocalDate effectiveDate, Instant changedAt, String changedBy) {
}
