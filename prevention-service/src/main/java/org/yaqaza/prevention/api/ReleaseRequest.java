package org.yaqaza.prevention.api;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** {@code legalObligation}: the law that requires this processing when follow-up consent is not active. */
public record ReleaseRequest(@NotNull LocalDate releasedOn, @Size(max = 300) String institution,
        UUID enrolmentId, @Size(max = 500) String legalObligation) {
}
