package org.yaqaza.prevention.api;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.yaqaza.prevention.evaluation.KaplanMeier;

/**
 * Aggregate evaluation of a programme (overall and per edition) or of one edition: figures only, no participant.
 * Times are days since release from prison.
 */
public record EvaluationView(UUID programmeId, String programmeName, UUID editionId, LocalDate asOf,
        String timeUnit, String confidenceInterval, Cohort overall, List<Cohort> editions) {

    public record Cohort(UUID editionId, String name, long started, long completed, long withdrawn, long excluded,
            long inProgress, Double completionRate, Double meanAttendancePercent, long released,
            List<ReoffenceRate> reoffenceRates, KaplanMeier.Curve survival) {
    }

    /** Among people followed at least {@code years} after release (or who re-offended before), how many did. */
    public record ReoffenceRate(int years, long followed, long reoffended, Double rate) {
    }
}
