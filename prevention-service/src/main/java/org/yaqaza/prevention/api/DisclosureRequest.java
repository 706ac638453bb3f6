package org.yaqaza.prevention.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

public record DisclosureRequest(@NotBlank @Size(min = 10, max = 1000) String purpose) {
}
