package org.yaqaza.console.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.yaqaza.console.api.prevention.Evaluation;

import io.quarkus.qute.TemplateData;

/**
 * The geometry of a Kaplan–Meier chart drawn by the console (templates/prevention/km-chart.html): each cohort's
 * step curve, the overall curve's 95 % confidence band, the axes in months since release, and the numbers at risk
 * under the chart. Computed here so the template only places shapes and translated labels; nothing in it comes
 * from user text except cohort names, which the template escapes.
 *
 * <p>The API lists the number at risk at event times only (a life table). The number at risk at a month mark is
 * therefore read at the first event time at or after it (people censored between the mark and that event are not
 * counted); after the last event it is not known and shown as "–". At month 0 it is everyone in the cohort.
 */
@TemplateData
public record SurvivalPlot(int width, int height, int left, int right, int top, int bottom, List<Line> lines,
        String band, List<Tick> xTicks, List<Tick> yTicks, List<RiskRow> risk, int riskTop) {

    // positions the template needs (Qute has no arithmetic of its own)
    public int midX() {
        return (left + right) / 2;
    }

    public int midY() {
        return (top + bottom) / 2;
    }

    public int yLabelX() {
        return left - 8;
    }

    public int tickEnd() {
        return bottom + 5;
    }

    public int xLabelY() {
        return bottom + 20;
    }

    public int xTitleY() {
        return bottom + 40;
    }

    public int legendX() {
        return right + 12;
    }

    public int legendTextX() {
        return right + 32;
    }

    public int bandLegendY() {
        return top + 8 + lines.size() * 22;
    }

    public int bandSwatchY() {
        return bandLegendY() - 9;
    }

    static final double DAYS_PER_MONTH = 365.25 / 12;
    private static final String[] COLOURS = { "#0033a0", "#c8102e", "#007a33", "#502b85", "#8a5a00", "#00676b" };

    /** A cohort's curve: its name, colour, SVG path (null when suppressed) and whether it is the overall one. */
    @TemplateData
    public record Line(String name, String colour, String path, boolean overall, boolean suppressed, int legendY) {

        public int swatchY() {
            return legendY - 9;
        }
    }

    @TemplateData
    public record Tick(int at, String label) {

        /** Where the label of a survival tick sits (centred on its grid line). */
        public int textY() {
            return at + 4;
        }
    }

    @TemplateData
    public record RiskRow(String name, String colour, int y, List<RiskCell> cells) {

        public int swatchY() {
            return y - 9;
        }
    }

    @TemplateData
    public record RiskCell(int x, String value) {
    }

    /** The overall cohort first (with its band), then each edition of a programme's evaluation. */
    public static SurvivalPlot of(Evaluation evaluation) {
        List<Evaluation.Cohort> cohorts = new ArrayList<>();
        cohorts.add(evaluation.overall());
        if (evaluation.editionId() == null && evaluation.editions() != null && evaluation.editions().size() > 1) {
            cohorts.addAll(evaluation.editions());
        }
        long lastDay = 0;
        for (Evaluation.Cohort cohort : cohorts) {
            if (cohort.survival() != null && cohort.survival().lastTime() != null) {
                lastDay = Math.max(lastDay, cohort.survival().lastTime());
            }
        }
        int months = (int) Math.ceil(lastDay / DAYS_PER_MONTH);
        int step = months > 48 ? 12 : 6;
        int axisMonths = Math.max(step, ((months + step - 1) / step) * step);

        int width = 760;
        int left = 64;
        int right = width - 170;
        int top = 20;
        int bottom = 300;
        int riskTop = bottom + 64;
        double xScale = (right - left) / (axisMonths * DAYS_PER_MONTH);
        double yScale = bottom - top;

        List<Tick> xTicks = new ArrayList<>();
        for (int m = 0; m <= axisMonths; m += step) {
            xTicks.add(new Tick((int) Math.round(left + m * DAYS_PER_MONTH * xScale), Integer.toString(m)));
        }
        List<Tick> yTicks = new ArrayList<>();
        for (int i = 0; i <= 5; i++) {
            double s = i / 5.0;
            yTicks.add(new Tick((int) Math.round(bottom - s * yScale), String.format(Locale.ROOT, "%.1f", s)));
        }

        List<Line> lines = new ArrayList<>();
        List<RiskRow> risk = new ArrayList<>();
        String band = null;
        for (int i = 0; i < cohorts.size(); i++) {
            Evaluation.Cohort cohort = cohorts.get(i);
            String colour = COLOURS[i % COLOURS.length];
            Evaluation.Curve curve = cohort.survival();
            boolean overall = i == 0;
            String path = curve == null ? null : path(curve, left, bottom, xScale, yScale);
            lines.add(new Line(cohort.name(), colour, path, overall, curve == null, top + 8 + i * 22));
            if (overall && curve != null) {
                band = band(curve, left, bottom, xScale, yScale);
            }
            List<RiskCell> cells = new ArrayList<>();
            for (Tick tick : xTicks) {
                int month = Integer.parseInt(tick.label());
                cells.add(new RiskCell(tick.at(), curve == null ? "–" : atRisk(curve, month)));
            }
            risk.add(new RiskRow(cohort.name(), colour, riskTop + 22 + i * 20, cells));
        }
        int height = riskTop + 22 + cohorts.size() * 20 + 10;
        return new SurvivalPlot(width, height, left, right, top, bottom, lines, band, xTicks, yTicks, risk, riskTop);
    }

    /** People still observed at {@code month}: see the class comment. */
    static String atRisk(Evaluation.Curve curve, int month) {
        if (month == 0) {
            return Long.toString(curve.subjects());
        }
        double day = month * DAYS_PER_MONTH;
        if (curve.lastTime() == null || day > curve.lastTime()) {
            return "0";
        }
        for (Evaluation.Step step : curve.steps()) {
            if (step.time() >= day) {
                return Long.toString(step.atRisk());
            }
        }
        return "–";
    }

    private static String path(Evaluation.Curve curve, int left, int bottom, double xScale, double yScale) {
        StringBuilder d = new StringBuilder();
        d.append("M").append(left).append(' ').append(y(1.0, bottom, yScale));
        for (Evaluation.Step step : curve.steps()) {
            d.append(" H").append(x(step.time(), left, xScale)).append(" V").append(y(step.survival(), bottom, yScale));
        }
        long end = curve.lastTime() == null ? 0 : curve.lastTime();
        d.append(" H").append(x(end, left, xScale));
        return d.toString();
    }

    /** The band as one closed shape: the upper bound forward, the lower bound back. */
    private static String band(Evaluation.Curve curve, int left, int bottom, double xScale, double yScale) {
        if (curve.steps().isEmpty()) {
            return null;
        }
        long end = curve.lastTime() == null ? curve.steps().get(curve.steps().size() - 1).time() : curve.lastTime();
        StringBuilder d = new StringBuilder();
        d.append("M").append(left).append(' ').append(y(1.0, bottom, yScale));
        for (Evaluation.Step step : curve.steps()) {
            double upper = step.upper() == null ? step.survival() : step.upper();
            d.append(" H").append(x(step.time(), left, xScale)).append(" V").append(y(upper, bottom, yScale));
        }
        d.append(" H").append(x(end, left, xScale));
        List<Evaluation.Step> steps = curve.steps();
        Evaluation.Step last = steps.get(steps.size() - 1);
        d.append(" V").append(y(last.lower() == null ? last.survival() : last.lower(), bottom, yScale));
        for (int i = steps.size() - 1; i >= 0; i--) {
            Evaluation.Step step = steps.get(i);
            d.append(" H").append(x(step.time(), left, xScale));
            double before = i == 0 ? 1.0 : steps.get(i - 1).lower() == null ? steps.get(i - 1).survival()
                    : steps.get(i - 1).lower();
            d.append(" V").append(y(before, bottom, yScale));
        }
        d.append(" H").append(left).append(" Z");
        return d.toString();
    }

    private static String x(long day, int left, double xScale) {
        return String.format(Locale.ROOT, "%.1f", left + day * xScale);
    }

    private static String y(double survival, int bottom, double yScale) {
        return String.format(Locale.ROOT, "%.1f", bottom - survival * yScale);
    }
}
