package org.yaqaza.liaison.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A STIX 2.1 pattern (one or more bracketed comparison expressions), optionally indicating one named actor. */
public record IndicatorRequest(
        @NotBlank @Size(max = 300) String name,
        @NotBlank @Size(max = 4000) @Pattern(regexp = "(?s)\\s*\\[.+\\].*",
                message = "must be a STIX pattern such as [domain-name:value = 'example.org']") String pattern,
        @Size(max = 300) String indicates) {
}
