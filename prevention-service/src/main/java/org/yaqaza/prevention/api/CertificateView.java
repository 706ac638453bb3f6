package org.yaqaza.prevention.api;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

public record CertificateView(String number, String holderCode, UUID programmeId, String programmeKind,
        LocalDate issuedOn, LocalDate expiresOn, LocalDate revokedOn, String revocationReason,
        List<RenewalView> renewals, String status) {
}
