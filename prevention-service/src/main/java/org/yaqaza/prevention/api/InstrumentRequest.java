package org.yaqaza.prevention.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.yaqaza.prevention.model.InstrumentDefinition;

public record InstrumentRequest(@NotBlank @Pattern(regexp = "[A-Z0-9][A-Z0-9-]{1,39}") String code,
        @NotBlank @Size(max = 300) String title, @NotBlank @Size(max = 300) String licence,
        @NotNull @Valid InstrumentDefinition definition) {
}
