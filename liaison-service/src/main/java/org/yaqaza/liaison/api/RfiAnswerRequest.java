package org.yaqaza.liaison.api;

import java.util.UUID;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.yaqaza.liaison.model.Tlp;

/** Answers an RFI by releasing a product to the requesting partner (same checks as any release). */
public record RfiAnswerRequest(@NotNull UUID productId, @NotNull Tlp tlp, @Size(max = 4000) String note) {
}
