package org.yaqaza.console.api.prevention;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.quarkus.qute.TemplateData;

/**
 * The aggregate evaluation of a programme or an edition ({@code EvaluationView}): figures only, no participant.
 * Times are days since release. A suppressed figure is null, never zero.
 */
@TemplateData
public record Evaluation(UUID programmeId, String programmeName, UUID editionId, LocalDate asOf, String timeUnit,
        String confidenceInterval, Integer minimumCohort, Cohort overall, List<Cohort> editions) {

    @TemplateData
    public record Cohort(UUID editionId, String name, Long started, Long completed, Long withdrawn, Long excluded,
            Long inProgress, Double completionRate, Double meanAttendancePercent, Long released,
            List<ReoffenceRate> reoffenceRates, Curve survival, String suppressed) {
    }

    @TemplateData
    public record ReoffenceRate(int years, Long followed, Long reoffended, Double rate, boolean suppressed) {
    }

    /** Kaplan–Meier product-limit curve: one step per event time. */
    @TemplateData
    public record Curve(long subjects, long events, long censored, long censoredBeforeFirstEvent, Long lastTime,
            List<Step> steps, Long medianTime) {
    }

    /** At event time {@code time}: at risk, events, censored until the next event time, S(t) and its 95 % band. */
    @TemplateData
    public record Step(long time, long atRisk, long events, long censored, double survival, Double standardError,
            Double lower, Double upper) {
    }
}
