package org.yaqaza.gateway.api;

import java.util.Set;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A new person in the directory. Roles {@code partner} and {@code service} belong to machine clients. */
public record UserCreate(
        @NotNull @Pattern(regexp = Names.USERNAME, message = "must be 3 to 64 letters, digits or . _ @ -")
        String username,
        @NotBlank @Size(max = 200) String displayName,
        @NotNull @Secret String password,
        @NotNull @Size(max = 16) Set<@NotNull @KnownRole String> roles,
        @NotNull @KnownClearance String clearance,
        @Size(max = 100) Set<@NotNull @Code String> compartments,
        @NotNull @Code String agency,
        Boolean enabled) {
}
