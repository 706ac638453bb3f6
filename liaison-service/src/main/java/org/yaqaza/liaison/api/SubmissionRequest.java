package org.yaqaza.liaison.api;

import java.time.Instant;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.yaqaza.common.security.Classification;
import org.yaqaza.liaison.model.Tlp;

/** Intelligence a partner sends us. Grading and marking default to "cannot be judged" and RESTRICTED. */
public record SubmissionRequest(
        @NotBlank @Size(max = 500) String title,
        @NotBlank @Size(max = 1_000_000) String body,
        @NotNull @Pattern(regexp = "[a-z]{2,3}", message = "must be an ISO 639 language code") String language,
        Instant collectedAt,
        @Pattern(regexp = "[A-F]", message = "must be a source reliability grade A to F") String reliability,
        @Min(value = 1, message = "must be an information credibility grade 1 to 6")
        @Max(value = 6, message = "must be an information credibility grade 1 to 6") Integer credibility,
        Classification classification,
        Tlp tlp) {
}
