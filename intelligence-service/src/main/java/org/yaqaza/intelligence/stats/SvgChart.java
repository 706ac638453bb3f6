package org.yaqaza.intelligence.stats;

import java.util.List;
import java.util.Locale;

import org.yaqaza.common.text.Escaping;
import org.yaqaza.intelligence.api.AnnualStatistics;

/** The annual statistics as a self-contained grouped bar chart (SVG 1.1, renders in any browser). */
public final class SvgChart {

    private static final String[] SERIES = { "Cells dismantled", "Plots foiled", "Attacks on national territory",
        "Arrests", "Judicial referrals" };
    private static final String[] COLOURS = { "#1f77b4", "#2ca02c", "#d62728", "#ff7f0e", "#9467bd" };
    private static final int HEIGHT = 420;
    private static final int TOP = 50;
    private static final int LEFT = 60;
    private static final int PLOT_HEIGHT = 280;

    private SvgChart() {
    }

    public static String render(AnnualStatistics stats) {
        List<AnnualStatistics.Year> years = stats.years();
        int groupWidth = 6 * 12;
        int width = Math.max(640, LEFT + 20 + years.size() * groupWidth);
        long max = 1;
        for (AnnualStatistics.Year y : years) {
            for (long v : values(y)) {
                max = Math.max(max, v);
            }
        }
        long step = niceStep(max);
        long top = ((max + step - 1) / step) * step;
        StringBuilder svg = new StringBuilder();
        svg.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\""
                + " viewBox=\"0 0 %d %d\" font-family=\"sans-serif\" font-size=\"11\" role=\"img\">%n",
                width, HEIGHT, width, HEIGHT));
        String title = "Annual statistics " + stats.from() + "–" + stats.to()
                + (stats.category() == null ? "" : " (" + stats.category() + ")");
        svg.append("<title>").append(Escaping.xml(title)).append("</title>\n");
        svg.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"24\" font-size=\"15\" font-weight=\"bold\">%s"
                + "</text>%n", LEFT, Escaping.xml(title)));
        for (long tick = 0; tick <= top; tick += step) {
            double y = TOP + PLOT_HEIGHT - (double) tick / top * PLOT_HEIGHT;
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#ddd\"/>"
                    + "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%d</text>%n", LEFT, y, width - 10, y, LEFT - 6,
                    y + 4, tick));
        }
        for (int i = 0; i < years.size(); i++) {
            AnnualStatistics.Year year = years.get(i);
            long[] v = values(year);
            int x0 = LEFT + 8 + i * groupWidth;
            for (int s = 0; s < v.length; s++) {
                double h = (double) v[s] / top * PLOT_HEIGHT;
                svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%.1f\" width=\"10\" height=\"%.1f\""
                        + " fill=\"%s\"><title>%d %s: %d</title></rect>%n", x0 + s * 12, TOP + PLOT_HEIGHT - h, h,
                        COLOURS[s], year.year(), SERIES[s], v[s]));
            }
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">%d</text>%n",
                    x0 + 30, TOP + PLOT_HEIGHT + 16, year.year()));
        }
        svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#333\"/>%n",
                LEFT, TOP + PLOT_HEIGHT, width - 10, TOP + PLOT_HEIGHT));
        for (int s = 0; s < SERIES.length; s++) {
            int lx = LEFT + (s % 3) * 200;
            int ly = TOP + PLOT_HEIGHT + 40 + (s / 3) * 18;
            svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"10\" height=\"10\" fill=\"%s\"/>"
                    + "<text x=\"%d\" y=\"%d\">%s</text>%n", lx, ly - 9, COLOURS[s], lx + 14, ly, SERIES[s]));
        }
        svg.append("</svg>\n");
        return svg.toString();
    }

    private static long[] values(AnnualStatistics.Year y) {
        return new long[] { y.cellsDismantled(), y.plotsFoiled(), y.attacksOnNationalTerritory(), y.arrests(),
            y.judicialReferrals() };
    }

    private static long niceStep(long max) {
        long raw = Math.max(1, max / 5);
        long magnitude = (long) Math.pow(10, Math.floor(Math.log10(raw)));
        for (long m : new long[] { 1, 2, 5, 10 }) {
            if (m * magnitude >= raw) {
                return m * magnitude;
            }
        }
        return 10 * magnitude;
    }
}
