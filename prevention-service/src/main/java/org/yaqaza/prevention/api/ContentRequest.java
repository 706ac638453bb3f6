package org.yaqaza.prevention.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

public record ContentRequest(@NotBlank @Size(max = 300) String title,
        @NotBlank @Pattern(regexp = "[a-z]{2,3}(-[A-Za-z0-9]{2,8})?", message = "must be a language tag")
        String language, @NotBlank @Size(max = 100) String medium) {
}
