package org.yaqaza.prevention.api;

import java.time.LocalDate;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Renewal")
public record RenewalView(LocalDate renewedOn, LocalDate previousExpiry, LocalDate newExpiry, String renewedBy) {
}
