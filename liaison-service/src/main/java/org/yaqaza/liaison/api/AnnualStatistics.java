package org.yaqaza.liaison.api;

import java.util.List;
import java.util.Map;

/** One year of cooperation per partner, counting only what the caller may see. */
public record AnnualStatistics(int year, List<PartnerYear> partners, PartnerYear total) {

    public record PartnerYear(String partner, long releases, long releasesAcknowledged,
            Double medianReleaseAcknowledgementSeconds, long warnings, long warningsAcknowledged,
            long warningsEscalated, Double medianWarningAcknowledgementSeconds, Map<String, Long> outcomes) {
    }
}
