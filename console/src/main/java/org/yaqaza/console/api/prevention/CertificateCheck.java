package org.yaqaza.console.api.prevention;

import java.time.LocalDate;

import io.quarkus.qute.TemplateData;

/** "Is this certificate valid?": VALID, EXPIRED, REVOKED or UNKNOWN, its kind and dates, never the holder. */
@TemplateData
public record CertificateCheck(String number, String status, String kind, LocalDate expiresOn,
        LocalDate revokedOn) {
}
