package org.yaqaza.prevention.api;

import java.time.LocalDate;

import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "EndRequest")
public record FollowUpEndRequest(@NotNull LocalDate endedOn) {
}
