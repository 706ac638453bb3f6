package org.yaqaza.prevention.evaluation;

import java.util.List;
import java.util.Locale;

import org.yaqaza.common.text.Escaping;

/**
 * Renders Kaplan–Meier curves as a standalone SVG document (UTF-8, so Arabic edition names display as they
 * are): step curves per cohort, the first cohort's 95% confidence band shaded, time in months since release.
 */
public final class SurvivalChart {

    private static final String[] COLOURS = { "#1b4f72", "#b03a2e", "#1e8449", "#7d3c98", "#b9770e", "#566573" };
    private static final int WIDTH = 820;
    private static final int HEIGHT = 500;
    private static final int LEFT = 70;
    private static final int RIGHT = 220;
    private static final int TOP = 50;
    private static final int BOTTOM = 60;
    private static final double DAYS_PER_MONTH = 365.25 / 12;

    private SurvivalChart() {
    }

    /** One cohort; {@code suppressed} (with a null curve): why nothing is drawn, shown in its legend. */
    public record Series(String name, KaplanMeier.Curve curve, boolean band, String suppressed) {
    }

    public static String render(String title, List<Series> series) {
        long maxDays = 3 * 365;
        for (Series s : series) {
            if (s.curve() != null && s.curve().lastTime() != null) {
                maxDays = Math.max(maxDays, s.curve().lastTime());
            }
        }
        int months = (int) Math.ceil(maxDays / DAYS_PER_MONTH / 6.0) * 6;
        double plotW = WIDTH - LEFT - RIGHT;
        double plotH = HEIGHT - TOP - BOTTOM;
        double xScale = plotW / (months * DAYS_PER_MONTH);
        StringBuilder svg = new StringBuilder(16_384);
        svg.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(WIDTH).append("\" height=\"")
                .append(HEIGHT).append("\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT)
                .append("\" font-family=\"sans-serif\" font-size=\"12\">\n")
                .append("<title>").append(Escaping.xml(title)).append("</title>\n")
                .append("<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n")
                .append("<text x=\"").append(LEFT).append("\" y=\"28\" font-size=\"15\" font-weight=\"bold\">")
                .append(Escaping.xml(title)).append("</text>\n");
        // grid and axes
        for (int i = 0; i <= 10; i += 2) {
            double y = TOP + plotH * (1 - i / 10.0);
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" "
                    + "stroke=\"#dddddd\"/>%n", LEFT, y, LEFT + plotW, y));
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%.1f</text>%n",
                    LEFT - 8, y + 4, i / 10.0));
        }
        for (int m = 0; m <= months; m += 6) {
            double x = LEFT + m * DAYS_PER_MONTH * xScale;
            svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%.1f\" "
                    + "stroke=\"#eeeeee\"/>%n", x, TOP, x, TOP + plotH));
            svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">%d</text>%n",
                    x, TOP + plotH + 18, m));
        }
        svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"%.1f\" "
                + "fill=\"none\" stroke=\"#333333\"/>%n", LEFT, TOP, plotW, plotH));
        svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">Months since "
                + "release</text>%n", LEFT + plotW / 2, HEIGHT - 15));
        svg.append(String.format(Locale.ROOT, "<text x=\"18\" y=\"%.1f\" text-anchor=\"middle\" "
                + "transform=\"rotate(-90 18 %.1f)\">Proportion without re-offence</text>%n",
                TOP + plotH / 2, TOP + plotH / 2));
        for (int i = 0; i < series.size(); i++) {
            Series s = series.get(i);
            String colour = COLOURS[i % COLOURS.length];
            double ly = TOP + 10 + i * 36;
            if (s.curve() == null) {
                svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\">", LEFT + plotW + 15, ly + 4))
                        .append(Escaping.xml(s.name())).append("</text>\n");
                svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" fill=\"#555555\" "
                        + "font-size=\"10\" class=\"suppressed\">", LEFT + plotW + 15, ly + 18))
                        .append(Escaping.xml(s.suppressed())).append("</text>\n");
                continue;
            }
            if (s.band()) {
                svg.append("<path d=\"").append(band(s.curve(), xScale, plotH)).append("\" fill=\"").append(colour)
                        .append("\" fill-opacity=\"0.15\" stroke=\"none\"/>\n");
            }
            svg.append("<path d=\"").append(steps(s.curve(), xScale, plotH)).append("\" fill=\"none\" stroke=\"")
                    .append(colour).append("\" stroke-width=\"2\"/>\n");
            svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" "
                    + "stroke=\"%s\" stroke-width=\"3\"/>%n", LEFT + plotW + 15, ly, LEFT + plotW + 40, ly, colour));
            svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\">", LEFT + plotW + 46, ly + 4))
                    .append(Escaping.xml(s.name())).append("</text>\n");
            svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" fill=\"#555555\" font-size=\"10\">"
                    + "n=%d, events=%d, censored=%d</text>%n", LEFT + plotW + 46, ly + 18, s.curve().subjects(),
                    s.curve().events(), s.curve().censored()));
        }
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" fill=\"#555555\" font-size=\"10\">Kaplan–"
                + "Meier estimate; shaded: 95%% CI (log-log, Greenwood)</text>%n", LEFT, TOP - 8));
        return svg.append("</svg>\n").toString();
    }

    private static String steps(KaplanMeier.Curve curve, double xScale, double plotH) {
        StringBuilder d = new StringBuilder();
        double y = y(1.0, plotH);
        d.append(String.format(Locale.ROOT, "M%d %.1f", LEFT, y));
        // thousands of steps: plain appends, String.format would dominate the rendering time
        for (KaplanMeier.Step step : curve.steps()) {
            d.append(" H").append(tenth(LEFT + step.time() * xScale)).append(" V")
                    .append(tenth(y(step.survival(), plotH)));
        }
        if (curve.lastTime() != null) {
            d.append(" H").append(tenth(LEFT + curve.lastTime() * xScale));
        }
        return d.toString();
    }

    private static String band(KaplanMeier.Curve curve, double xScale, double plotH) {
        StringBuilder upper = new StringBuilder(String.format(Locale.ROOT, "M%d %.1f", LEFT, y(1.0, plotH)));
        StringBuilder lower = new StringBuilder();
        double lastLower = 1.0;
        double lastX = LEFT;
        java.util.List<double[]> lowerPoints = new java.util.ArrayList<>();
        lowerPoints.add(new double[] { LEFT, y(1.0, plotH) });
        for (KaplanMeier.Step step : curve.steps()) {
            if (step.events() == 0 || step.lower() == null || step.upper() == null) {
                continue;
            }
            double x = LEFT + step.time() * xScale;
            upper.append(" H").append(tenth(x)).append(" V").append(tenth(y(step.upper(), plotH)));
            lowerPoints.add(new double[] { x, y(lastLower, plotH) });
            lowerPoints.add(new double[] { x, y(step.lower(), plotH) });
            lastLower = step.lower();
            lastX = x;
        }
        long end = curve.lastTime() == null ? 0 : curve.lastTime();
        double endX = Math.max(lastX, LEFT + end * xScale);
        upper.append(String.format(Locale.ROOT, " H%.1f", endX));
        lowerPoints.add(new double[] { endX, y(lastLower, plotH) });
        for (int i = lowerPoints.size() - 1; i >= 0; i--) {
            lower.append(" L").append(tenth(lowerPoints.get(i)[0])).append(' ').append(tenth(lowerPoints.get(i)[1]));
        }
        return upper.append(lower).append(" Z").toString();
    }

    /** A coordinate to 0.1 px, as text. */
    private static String tenth(double value) {
        long tenths = Math.round(value * 10);
        return (tenths / 10) + "." + Math.abs(tenths % 10);
    }

    private static double y(double survival, double plotH) {
        return TOP + plotH * (1 - survival);
    }
}
