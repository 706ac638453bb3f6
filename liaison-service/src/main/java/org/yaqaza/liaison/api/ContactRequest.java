package org.yaqaza.liaison.api;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A liaison contact of a partner; at least a name and one way to reach them. */
public record ContactRequest(
        @NotBlank @Size(max = 200) String name,
        @Size(max = 200) String function,
        @Size(max = 320) @Email String email,
        @Size(max = 50) @Pattern(regexp = "\\+?[0-9 ().-]{4,30}", message = "must be a phone number")
        String phone) {
}
