package org.yaqaza.prevention.api;

import java.time.Instant;
import java.time.LocalDate;

public record IdentityView(String code, String fullNameAr, String fullNameLatin, String nationalId,
        LocalDate birthDate, String purpose, Instant disclosedAt) {
}
