package org.yaqaza.liaison.api;

import java.util.List;

/** One year of cooperation per partner, counting only what the caller may see. */
public record AnnualStatistics(int year, List<PartnerYear> partners, PartnerYear total) {
}
