package org.yaqaza.liaison.api;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.yaqaza.common.security.Classification;
import org.yaqaza.liaison.model.AgreementStatus;
import org.yaqaza.liaison.model.Category;

/** A sharing agreement as entered or amended by a liaison officer. */
public record AgreementRequest(
        @NotBlank @Size(max = 200) String reference,
        @NotNull Classification ceiling,
        @NotEmpty List<@NotNull Category> categories,
        @NotNull LocalDate validFrom,
        LocalDate validTo,
        @NotNull AgreementStatus status,
        Long version) {
}
