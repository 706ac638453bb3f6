package org.yaqaza.prevention.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

public record ModuleRequest(
        @NotBlank @Pattern(regexp = "[A-Z0-9][A-Z0-9-]{0,39}", message = "must be a code (A-Z, 0-9, -)")
        String code,
        @NotBlank @Size(max = 300) String title,
        @NotNull @Min(1) @Max(500) Integer requiredSessions,
        @Min(0) @Max(1000) Integer position) {
}
