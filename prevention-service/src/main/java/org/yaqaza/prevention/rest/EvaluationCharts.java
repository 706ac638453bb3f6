package org.yaqaza.prevention.rest;

import java.util.ArrayList;
import java.util.List;

import org.yaqaza.prevention.api.EvaluationView;
import org.yaqaza.prevention.evaluation.SurvivalChart;

/**
 * The SVG of an evaluation: the overall curve with its confidence band, and one curve per edition. A suppressed
 * curve is drawn as nothing, its legend saying it is suppressed (never as a flat line, which would read as zero).
 */
final class EvaluationCharts {

    private EvaluationCharts() {
    }

    static String svg(EvaluationView view) {
        List<SurvivalChart.Series> series = new ArrayList<>();
        series.add(series(view, view.overall(), true));
        for (EvaluationView.Cohort edition : view.editions()) {
            series.add(series(view, edition, false));
        }
        return SurvivalChart.render(view.programmeName() + " — time to re-offence (as of " + view.asOf() + ")",
                series);
    }

    private static SurvivalChart.Series series(EvaluationView view, EvaluationView.Cohort cohort, boolean band) {
        String suppressed = cohort.survival() != null ? null
                : "suppressed: fewer than " + view.minimumCohort() + " people";
        return new SurvivalChart.Series(cohort.name(), cohort.survival(), band, suppressed);
    }
}
