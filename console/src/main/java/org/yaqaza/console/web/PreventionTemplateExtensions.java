package org.yaqaza.console.web;

import java.util.Locale;
import java.util.UUID;

import org.yaqaza.console.api.prevention.Evaluation;

import io.quarkus.qute.TemplateExtension;

/**
 * How the prevention pages write figures: rates as percentages, survival to three decimals, a withheld (null)
 * figure as "–", never as zero.
 */
@TemplateExtension
public final class PreventionTemplateExtensions {

    static final String NONE = "–";

    private PreventionTemplateExtensions() {
    }

    static String text(UUID id) {
        return id == null ? "" : id.toString();
    }

    static String completionText(Evaluation.Cohort cohort) {
        return percent(cohort.completionRate());
    }

    static String attendanceText(Evaluation.Cohort cohort) {
        return cohort.meanAttendancePercent() == null ? NONE
                : String.format(Locale.ROOT, "%.1f %%", cohort.meanAttendancePercent());
    }

    static String rateText(Evaluation.ReoffenceRate rate) {
        return rate.rate() == null ? NONE : percent(rate.rate()) + " (" + rate.reoffended() + "/" + rate.followed() + ")";
    }

    static String survivalText(Evaluation.Step step) {
        return decimals(step.survival());
    }

    static String lowerText(Evaluation.Step step) {
        return decimals(step.lower());
    }

    static String upperText(Evaluation.Step step) {
        return decimals(step.upper());
    }

    static String percent(Double rate) {
        return rate == null ? NONE : String.format(Locale.ROOT, "%.1f %%", rate * 100);
    }

    static String decimals(Double value) {
        return value == null ? NONE : String.format(Locale.ROOT, "%.3f", value);
    }
}
