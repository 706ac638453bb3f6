package org.yaqaza.prevention.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.yaqaza.common.security.Classification;
import org.yaqaza.prevention.model.DecisionStatus;

@Schema(name = "Decision")
public record DecisionRequest(@NotNull DecisionStatus decision, @NotBlank @Size(max = 1000) String reason,
        Classification classification) {
}
