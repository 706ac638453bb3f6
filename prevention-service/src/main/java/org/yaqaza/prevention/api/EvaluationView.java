package org.yaqaza.prevention.api;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.yaqaza.prevention.evaluation.KaplanMeier;

/**
 * Aggregate evaluation of a programme (overall and per edition) or of one edition: figures only, no participant.
 * Times are days since release from prison. {@code minimumCohort} is null when the figures are exact (prevention
 * staff, who may read the case data behind them); otherwise it is the fewest people a published figure counts, and
 * {@code asOf} is the month end the figures are published for (docs/prevention.md, "Disclosure control").
 */
public record EvaluationView(UUID programmeId, String programmeName, UUID editionId, LocalDate asOf,
        String timeUnit, String confidenceInterval, Integer minimumCohort, Cohort overall, List<Cohort> editions) {

    /**
     * One cohort. A suppressed figure is null, never zero: {@code suppressed} says which part is withheld —
     * {@code COHORT} (every figure), {@code FOLLOW_UP} (released, re-offence rates and the survival curve) — and a
     * rate withheld on its own says so itself.
     */
    public record Cohort(UUID editionId, String name, Long started, Long completed, Long withdrawn, Long excluded,
            Long inProgress, Double completionRate, Double meanAttendancePercent, Long released,
            List<ReoffenceRate> reoffenceRates, KaplanMeier.Curve survival, Suppression suppressed) {
    }

    /** What of a cohort is withheld because too few people stand behind it. */
    public enum Suppression {
        COHORT, FOLLOW_UP
    }

    /**
     * Among people followed at least {@code years} after release (or who re-offended before), how many did; all
     * three null and {@code suppressed} when fewer than the minimum were followed.
     */
    public record ReoffenceRate(int years, Long followed, Long reoffended, Double rate, boolean suppressed) {
    }
}
