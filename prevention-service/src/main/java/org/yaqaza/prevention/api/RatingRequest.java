package org.yaqaza.prevention.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

public record RatingRequest(@NotBlank String indicator, @NotBlank String level,
        @Size(max = 4000) String evidence) {
}
