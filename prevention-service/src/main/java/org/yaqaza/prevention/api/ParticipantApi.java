package org.yaqaza.prevention.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;

import org.yaqaza.common.security.Classification;
import org.yaqaza.prevention.model.ConsentScope;

/** Wire types of participants, their identity (disclosed only with a purpose) and consent. */
public final class ParticipantApi {

    private ParticipantApi() {
    }

    public record Identity(
            @NotBlank @Size(max = 300) String fullNameAr,
            @NotBlank @Size(max = 300) String fullNameLatin,
            @NotBlank @Pattern(regexp = "[A-Za-z0-9]{4,20}", message = "must be 4 to 20 letters or digits")
            String nationalId,
            @NotNull @Past LocalDate birthDate) {
    }

    public record ConsentRequest(@NotNull ConsentScope scope, @NotNull @PastOrPresent LocalDate givenOn,
            @Size(max = 1000) String note) {
    }

    public record RegisterRequest(
            @NotNull @Valid Identity identity,
            @NotNull Classification classification,
            @Size(max = 20) List<@Pattern(regexp = "[A-Z0-9][A-Z0-9-]{0,39}",
                    message = "must be a compartment code (A-Z, 0-9, -)") String> compartments,
            @Size(max = 50) List<@Pattern(regexp = "[A-Z0-9][A-Z0-9-]{0,39}",
                    message = "must be an agency code (A-Z, 0-9, -)") String> sharedWith,
            @Size(max = 5) List<@Valid @NotNull ConsentRequest> consents) {
    }

    /** What anyone on the case sees: the code and the state of consent, never the identity. */
    public record ParticipantView(String code, Classification classification, List<String> compartments,
            String ownerAgency, Instant createdAt, boolean anonymised, Map<ConsentScope, String> consent) {
    }

    public record DisclosureRequest(@NotBlank @Size(min = 10, max = 1000) String purpose) {
    }

    public record IdentityView(String code, String fullNameAr, String fullNameLatin, String nationalId,
            LocalDate birthDate, String purpose, Instant disclosedAt) {
    }

    public record WithdrawalRequest(@NotNull @PastOrPresent LocalDate withdrawnOn) {
    }

    public record ConsentView(UUID id, ConsentScope scope, LocalDate givenOn, String recordedBy, String note,
            LocalDate withdrawnOn, String withdrawalRecordedBy) {
    }
}
