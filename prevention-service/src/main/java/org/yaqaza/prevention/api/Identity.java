package org.yaqaza.prevention.api;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

public record Identity(
        @NotBlank @Size(max = 300) String fullNameAr,
        @NotBlank @Size(max = 300) String fullNameLatin,
        @NotBlank @Pattern(regexp = "[A-Za-z0-9]{4,20}", message = "must be 4 to 20 letters or digits")
        String nationalId,
        @NotNull @Past LocalDate birthDate) {
}
