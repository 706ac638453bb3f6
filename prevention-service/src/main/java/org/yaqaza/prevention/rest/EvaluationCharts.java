package org.yaqaza.prevention.rest;

import java.util.ArrayList;
import java.util.List;

import org.yaqaza.prevention.api.EvaluationView;
import org.yaqaza.prevention.evaluation.SurvivalChart;

/** The SVG of an evaluation: the overall curve with its confidence band, and one curve per edition. */
final class EvaluationCharts {

    private EvaluationCharts() {
    }

    static String svg(EvaluationView view) {
        List<SurvivalChart.Series> series = new ArrayList<>();
        series.add(new SurvivalChart.Series(view.overall().name(), view.overall().survival(), true));
        for (EvaluationView.Cohort edition : view.editions()) {
            series.add(new SurvivalChart.Series(edition.name(), edition.survival(), false));
        }
        return SurvivalChart.render(view.programmeName() + " — time to re-offence (as of " + view.asOf() + ")",
                series);
    }
}
