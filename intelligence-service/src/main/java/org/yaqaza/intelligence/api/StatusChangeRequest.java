package org.yaqaza.intelligence.api;

import java.time.LocalDate;

import jakarta.validation.constraints.NotNull;

import org.yaqaza.intelligence.model.OrganisationStatus;

/** Moves an organisation to a later status, effective on a date (today when absent). */
public record StatusChangeRequest(@NotNull OrganisationStatus status, LocalDate effectiveDate) {
}
