package org.yaqaza.liaison.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A partner's answer to a request for information we sent it. */
public record RfiReplyRequest(@NotBlank @Size(max = 100_000) String answer) {
}
