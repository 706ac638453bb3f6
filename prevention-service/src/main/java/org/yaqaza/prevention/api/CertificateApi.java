package org.yaqaza.prevention.api;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Wire types of the certification registry. */
public final class CertificateApi {

    private CertificateApi() {
    }

    public static final String NUMBER = "[A-Z0-9][A-Z0-9-]{3,39}";

    public record IssueRequest(@NotBlank @Size(max = 40) String participantCode, @NotNull UUID programmeId,
            @Pattern(regexp = NUMBER, message = "must be 4-40 capitals, digits or dashes") String number,
            @NotNull LocalDate issuedOn, @NotNull LocalDate expiresOn) {
    }

    public record RenewalRequest(@NotNull LocalDate renewedOn, @NotNull LocalDate newExpiry) {
    }

    public record RevocationRequest(@NotNull LocalDate revokedOn, @NotBlank @Size(max = 1000) String reason) {
    }

    public record Renewal(LocalDate renewedOn, LocalDate previousExpiry, LocalDate newExpiry, String renewedBy) {
    }

    public record CertificateView(String number, String holderCode, UUID programmeId, String programmeKind,
            LocalDate issuedOn, LocalDate expiresOn, LocalDate revokedOn, String revocationReason,
            List<Renewal> renewals, String status) {
    }

    /** The public answer: status only, never the holder. */
    public record Validity(String number, String status, String kind, LocalDate expiresOn, LocalDate revokedOn) {
    }
}
