package org.yaqaza.prevention.api;

import java.time.LocalDate;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The public answer: status only, never the holder. */
@Schema(name = "Validity")
public record CertificateValidity(String number, String status, String kind, LocalDate expiresOn, LocalDate revokedOn) {
}
