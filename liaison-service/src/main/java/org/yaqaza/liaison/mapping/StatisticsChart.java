package org.yaqaza.liaison.mapping;

import java.util.List;
import java.util.Locale;

import org.yaqaza.common.text.Escaping;
import org.yaqaza.liaison.api.AnnualStatistics;
import org.yaqaza.liaison.api.PartnerYear;

/** The annual statistics as a self-contained SVG bar chart (releases, warnings, outcomes per partner). */
public final class StatisticsChart {

    private static final String[] SERIES = { "Releases", "Warnings", "Acknowledged warnings", "Feedback" };
    private static final String[] COLOURS = { "#1f77b4", "#d62728", "#2ca02c", "#9467bd" };

    private StatisticsChart() {
    }

    public static String svg(AnnualStatistics stats) {
        List<PartnerYear> partners = stats.partners();
        int groupWidth = 120;
        int width = Math.max(480, 80 + groupWidth * Math.max(1, partners.size()));
        int height = 360;
        int plotTop = 50;
        int plotBottom = 290;
        long max = 1;
        for (var p : partners) {
            max = Math.max(max, Math.max(Math.max(p.releases(), p.warnings()), feedback(p)));
        }
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                + "viewBox=\"0 0 %d %d\" font-family=\"sans-serif\" font-size=\"12\">", width, height, width, height));
        svg.append("<title>Liaison ").append(stats.year()).append(": releases, warnings and feedback per partner"
                + "</title>");
        svg.append(String.format(Locale.ROOT, "<text x=\"20\" y=\"25\" font-size=\"16\">Liaison %d</text>",
                stats.year()));
        svg.append(String.format(Locale.ROOT, "<line x1=\"50\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#333\"/>",
                plotBottom, width - 20, plotBottom));
        for (int i = 0; i < partners.size(); i++) {
            var p = partners.get(i);
            long[] values = { p.releases(), p.warnings(), p.warningsAcknowledged(), feedback(p) };
            int x0 = 60 + i * groupWidth;
            for (int s = 0; s < values.length; s++) {
                int h = (int) Math.round((double) values[s] / max * (plotBottom - plotTop));
                svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"22\" height=\"%d\" "
                        + "fill=\"%s\"><title>%s: %d</title></rect>", x0 + s * 24, plotBottom - h, h, COLOURS[s],
                        SERIES[s], values[s]));
            }
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\">%s</text>", x0, plotBottom + 18,
                    Escaping.xml(p.partner())));
        }
        for (int s = 0; s < SERIES.length; s++) {
            svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"330\" width=\"10\" height=\"10\" fill=\"%s\"/>"
                    + "<text x=\"%d\" y=\"339\">%s</text>", 20 + s * 150, COLOURS[s], 34 + s * 150, SERIES[s]));
        }
        return svg.append("</svg>").toString();
    }

    private static long feedback(PartnerYear p) {
        return p.outcomes().values().stream().mapToLong(Long::longValue).sum();
    }
}
