package org.yaqaza.intelligence.api;

import java.util.List;

import org.yaqaza.intelligence.model.ThreatCategory;

/** Per-year figures computed from the records the caller may see (never stored by hand). */
public record AnnualStatistics(int from, int to, ThreatCategory category, List<Year> years) {

    public record Year(int year, long cellsDismantled, long plotsFoiled, long attacksOnNationalTerritory,
            long arrests, long judicialReferrals) {
    }
}
