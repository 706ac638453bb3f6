package org.yaqaza.console.api;

import java.util.List;

import io.quarkus.qute.TemplateData;

/** Per-year figures the intelligence API computes from the records the user may see. */
@TemplateData
public record AnnualStatistics(int from, int to, String category, List<Year> years) {

    @TemplateData
    public record Year(int year, long cellsDismantled, long plotsFoiled, long attacksOnNationalTerritory,
            long arrests, long judicialReferrals) {
    }
}
