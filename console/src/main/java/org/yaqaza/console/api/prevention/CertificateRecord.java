package org.yaqaza.console.api.prevention;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.quarkus.qute.TemplateData;

/** A certificate of the registry as prevention staff read it: holder code, dates, renewals, revocation. */
@TemplateData
public record CertificateRecord(String number, String holderCode, UUID programmeId, String programmeKind,
        LocalDate issuedOn, LocalDate expiresOn, LocalDate revokedOn, String revocationReason,
        List<Renewal> renewals, String status) {

    @TemplateData
    public record Renewal(LocalDate renewedOn, LocalDate previousExpiry, LocalDate newExpiry, String renewedBy) {
    }
}
