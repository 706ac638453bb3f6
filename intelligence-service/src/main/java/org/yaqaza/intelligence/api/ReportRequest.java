package org.yaqaza.intelligence.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.validation.groups.Default;

import org.yaqaza.common.security.Classification;
import org.yaqaza.common.security.Tlp;
import org.yaqaza.intelligence.model.SourceType;

/**
 * A report as filed or updated by a client. {@code version} is required on update (optimistic locking). The
 * provenance fields ({@code sourceType}, {@code originatorPartner}, {@code tlp}, {@code submissionId}) are written
 * once, when the report is filed ({@code sourceType} is required then): an update may leave them out (they keep
 * their value) or repeat them, never change them. {@code tlp} marks partner material (AMBER when a partner report
 * has none); {@code submissionId} is set by the liaison-service (role service) for what partners submitted.
 */
public record ReportRequest(
        @NotNull(groups = Filing.class) SourceType sourceType,
        @NotNull @Pattern(regexp = "[A-F]", message = "must be a source reliability grade A to F") String reliability,
        @NotNull @Min(value = 1, message = "must be an information credibility grade 1 to 6")
        @Max(value = 6, message = "must be an information credibility grade 1 to 6") Integer credibility,
        @NotNull Instant collectedAt,
        @Size(max = 300) String collectedPlace,
        @NotNull @Pattern(regexp = "[a-z]{2,3}", message = "must be an ISO 639 language code") String language,
        @NotBlank @Size(max = 500) String title,
        @NotBlank @Size(max = 1_000_000) String body,
        @NotNull Classification classification,
        @Size(max = 20) List<@Pattern(regexp = "[A-Z0-9][A-Z0-9-]{0,39}",
                message = "must be a compartment code (A-Z, 0-9, -)") String> compartments,
        @Size(max = 50) List<@Pattern(regexp = "[A-Z0-9][A-Z0-9-]{0,39}",
                message = "must be an agency code (A-Z, 0-9, -)") String> sharedWith,
        @Size(max = 200) String legalAuthorisation,
        @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9._-]+", message = "must be a partner id") String originatorPartner,
        Long version,
        @Size(max = 100) List<@NotNull UUID> mentions,
        Tlp tlp,
        @Size(max = 200) @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._:-]*",
                message = "must be a submission id") String submissionId) {

    /** The constraints of filing a new report: the default ones, and a source type. */
    public interface Filing extends Default {
    }

    /** The fields every existing client sends; {@code mentions} (entities the report names) is optional. */
    public ReportRequest(SourceType sourceType, String reliability, Integer credibility, Instant collectedAt,
            String collectedPlace, String language, String title, String body, Classification classification,
            List<String> compartments, List<String> sharedWith, String legalAuthorisation, String originatorPartner,
            Long version) {
        this(sourceType, reliability, credibility, collectedAt, collectedPlace, language, title, body, classification,
                compartments, sharedWith, legalAuthorisation, originatorPartner, version, null, null, null);
    }
}
