package org.yaqaza.liaison.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.yaqaza.liaison.model.Tlp;

/** A correction of a released item: a new version built from the product as it is now. */
public record CorrectionRequest(@NotBlank @Size(max = 2000) String reason, Tlp tlp, @Size(max = 4000) String note) {
}
