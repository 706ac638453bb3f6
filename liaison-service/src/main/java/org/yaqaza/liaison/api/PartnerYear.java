package org.yaqaza.liaison.api;

import java.util.Map;

/** One partner's year of cooperation (or all partners', {@code partner} = ALL): releases, warnings, outcomes. */
public record PartnerYear(String partner, long releases, long releasesAcknowledged,
        Double medianReleaseAcknowledgementSeconds, long warnings, long warningsAcknowledged, long warningsEscalated,
        Double medianWarningAcknowledgementSeconds, Map<String, Long> outcomes) {
}
