package org.yaqaza.intelligence.graph;

import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import org.jgrapht.Graph;
import org.jgrapht.alg.drawing.FRLayoutAlgorithm2D;
import org.jgrapht.alg.drawing.model.Box2D;
import org.jgrapht.alg.drawing.model.MapLayoutModel2D;
import org.jgrapht.alg.drawing.model.Point2D;
import org.jgrapht.graph.DefaultEdge;
import org.jgrapht.graph.SimpleGraph;
import org.yaqaza.intelligence.api.NetworkAnalysis;
import org.yaqaza.intelligence.api.NetworkLink;
import org.yaqaza.intelligence.api.NetworkNode;
import org.yaqaza.intelligence.api.NetworkRole;

/**
 * A network analysis as a self-contained SVG 1.1 picture: a force-directed layout (Fruchterman-Reingold, JGraphT)
 * started from a fixed seed over the vertices in id order, so the same network always gives the same picture;
 * node area grows with betweenness centrality, colour shows the role, a blue ring marks a link abroad, the top
 * key players carry their rank. Every text is XML-escaped; right-to-left names (Arabic) are laid out as such.
 */
public final class NetworkSvg {

    private static final int WIDTH = 960;
    private static final int PLOT_TOP = 70;
    private static final int PLOT_HEIGHT = 620;
    private static final int MARGIN = 110;
    private static final int HEIGHT = PLOT_TOP + PLOT_HEIGHT + 90;
    private static final long LAYOUT_SEED = 20_150_101L;
    private static final int LAYOUT_ITERATIONS = 200;
    private static final int RANKS_SHOWN = 5;
    private static final String FOREIGN = "#1f5fbf";
    private static final String CUT_EDGE_STYLE = " stroke=\"#c0392b\" stroke-width=\"2\" stroke-dasharray=\"6 3\"";

    private NetworkSvg() {
    }

    public static String render(NetworkAnalysis network) {
        Map<UUID, double[]> at = layout(network);
        double maxBetweenness = network.nodes().stream().mapToDouble(NetworkNode::betweennessCentrality).max()
                .orElse(0);
        Set<UUID> bridging = new HashSet<>();
        network.bridges().forEach(b -> bridging.add(b.fromId()));
        Map<UUID, Double> radius = new HashMap<>();
        for (NetworkNode n : network.nodes()) {
            radius.put(n.id(), maxBetweenness > 0 ? 6 + 20 * Math.sqrt(n.betweennessCentrality() / maxBetweenness)
                    : 9);
        }

        StringBuilder svg = new StringBuilder();
        svg.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\""
                + " viewBox=\"0 0 %d %d\" font-family=\"'Noto Sans Arabic', 'DejaVu Sans', sans-serif\""
                + " font-size=\"11\" role=\"img\">%n", WIDTH, HEIGHT, WIDTH, HEIGHT));
        String title = network.organisationName() != null ? "Network of " + network.organisationName()
                : network.rootName() != null ? "Network around " + network.rootName() + " (" + network.depth()
                        + " tie" + (network.depth() == 1 ? "" : "s") + ")"
                : "Network of " + network.personIds().size() + " selected person"
                        + (network.personIds().size() == 1 ? "" : "s");
        svg.append("<title>").append(escape(title)).append("</title>\n");
        svg.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        svg.append("<text x=\"20\" y=\"28\" font-size=\"16\" font-weight=\"bold\"").append(bidi(title)).append('>')
                .append(escape(title)).append("</text>\n");
        svg.append(String.format(Locale.ROOT, "<text x=\"20\" y=\"48\" fill=\"#555\">%d entities, %d ties, %d"
                + " component%s, %d link%s abroad; circle area: betweenness centrality; number: key-player rank"
                + "</text>%n", network.summary().nodes(), network.summary().links(), network.summary().components(),
                network.summary().components() == 1 ? "" : "s", network.bridges().size(),
                network.bridges().size() == 1 ? "" : "s"));
        if (network.nodes().isEmpty()) {
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\" fill=\"#555\">"
                    + "No visible member</text>%n", WIDTH / 2, PLOT_TOP + PLOT_HEIGHT / 2));
        }

        svg.append("<g stroke=\"#9aa0a6\" stroke-width=\"1.4\">\n");
        for (NetworkLink link : network.links()) {
            double[] a = at.get(link.sourceId());
            double[] b = at.get(link.targetId());
            String style = link.cutEdge() ? CUT_EDGE_STYLE : "";
            svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\"%s><title>%s%s"
                    + "</title></line>%n", a[0], a[1], b[0], b[1], style, escape(String.join(", ", link.types())),
                    link.cutEdge() ? " (its loss splits the network)" : ""));
        }
        svg.append("</g>\n");

        for (NetworkNode n : network.nodes()) {
            double[] p = at.get(n.id());
            double r = radius.get(n.id());
            String stroke = n.foreign() ? " stroke=\"" + FOREIGN + "\" stroke-width=\"3\" stroke-dasharray=\"4 2\""
                    : " stroke=\"white\" stroke-width=\"1\"";
            svg.append(String.format(Locale.ROOT, "<g><circle cx=\"%.1f\" cy=\"%.1f\" r=\"%.1f\" fill=\"%s\"%s/>",
                    p[0], p[1], r, fill(n.role()), stroke));
            if (bridging.contains(n.id())) {
                svg.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"%.1f\" fill=\"none\""
                        + " stroke=\"%s\" stroke-width=\"2\"/>", p[0], p[1], r + 4, FOREIGN));
            }
            svg.append("<title>").append(escape(tooltip(n))).append("</title>");
            if (n.rank() <= RANKS_SHOWN) {
                // inside a circle large enough to hold it, otherwise beside it
                boolean inside = r >= 10;
                svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\""
                        + " font-size=\"10\" font-weight=\"bold\" fill=\"%s\">%d</text>", inside ? p[0] : p[0] + r + 3,
                        inside ? p[1] + 3.5 : p[1] - r + 3, inside ? "middle" : "start", inside ? "white" : "#222",
                        n.rank()));
            }
            svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\"%s>%s</text>"
                    + "</g>%n", p[0], p[1] + r + 12, bidi(n.displayName()), escape(n.displayName())));
        }
        legend(svg);
        svg.append("</svg>\n");
        return svg.toString();
    }

    /** Positions in the plot area, from a seeded force-directed layout of the vertices in id order. */
    private static Map<UUID, double[]> layout(NetworkAnalysis network) {
        List<UUID> ids = network.nodes().stream().map(NetworkNode::id).sorted(Comparator.comparing(UUID::toString))
                .toList();
        Map<UUID, double[]> at = new HashMap<>();
        if (ids.size() == 1) {
            at.put(ids.get(0), new double[] { WIDTH / 2.0, PLOT_TOP + PLOT_HEIGHT / 2.0 });
        }
        if (ids.size() < 2) {
            return at;
        }
        Graph<UUID, DefaultEdge> graph = new SimpleGraph<>(DefaultEdge.class);
        ids.forEach(graph::addVertex);
        network.links().forEach(l -> graph.addEdge(l.sourceId(), l.targetId()));
        MapLayoutModel2D<UUID> model = new MapLayoutModel2D<>(Box2D.of(1000, 1000));
        new FRLayoutAlgorithm2D<UUID, DefaultEdge>(LAYOUT_ITERATIONS,
                FRLayoutAlgorithm2D.DEFAULT_NORMALIZATION_FACTOR, new Random(LAYOUT_SEED)).layout(graph, model);
        double minX = Double.MAX_VALUE;
        double maxX = -Double.MAX_VALUE;
        double minY = Double.MAX_VALUE;
        double maxY = -Double.MAX_VALUE;
        for (UUID id : ids) {
            Point2D p = model.get(id);
            minX = Math.min(minX, p.getX());
            maxX = Math.max(maxX, p.getX());
            minY = Math.min(minY, p.getY());
            maxY = Math.max(maxY, p.getY());
        }
        double spanX = Math.max(maxX - minX, 1e-9);
        double spanY = Math.max(maxY - minY, 1e-9);
        for (UUID id : ids) {
            Point2D p = model.get(id);
            at.put(id, new double[] { MARGIN + (p.getX() - minX) / spanX * (WIDTH - 2 * MARGIN),
                PLOT_TOP + 20 + (p.getY() - minY) / spanY * (PLOT_HEIGHT - 40) });
        }
        return at;
    }

    private static void legend(StringBuilder svg) {
        int y = PLOT_TOP + PLOT_HEIGHT + 40;
        Object[][] entries = { { "Leader", fill(NetworkRole.LEADER), "" }, { "Member / selected / root",
            fill(NetworkRole.MEMBER), "" }, { "Contact", fill(NetworkRole.CONTACT), "" },
            { "Foreign", "white", " stroke=\"" + FOREIGN + "\" stroke-width=\"3\" stroke-dasharray=\"4 2\"" },
            { "Has a link abroad (outer ring)", "white", " stroke=\"" + FOREIGN + "\" stroke-width=\"2\"" } };
        for (int i = 0; i < entries.length; i++) {
            int x = 20 + i * 185;
            svg.append(String.format(Locale.ROOT, "<circle cx=\"%d\" cy=\"%d\" r=\"7\" fill=\"%s\"%s/><text x=\"%d\""
                    + " y=\"%d\">%s</text>%n", x + 7, y, entries[i][1], entries[i][2], x + 20, y + 4, entries[i][0]));
        }
        svg.append(String.format(Locale.ROOT, "<line x1=\"20\" y1=\"%d\" x2=\"34\" y2=\"%d\"%s/><text x=\"40\""
                + " y=\"%d\">Tie whose loss alone splits the network</text>%n", y + 24, y + 24, CUT_EDGE_STYLE,
                y + 28));
    }

    private static String fill(NetworkRole role) {
        return switch (role) {
            case LEADER -> "#c0392b";
            case MEMBER, SELECTED, ROOT -> "#e67e22";
            case CONTACT -> "#7f8c8d";
        };
    }

    private static String tooltip(NetworkNode n) {
        return String.format(Locale.ROOT, "%s (%s%s): rank %d, degree %d, betweenness %.3f%s", n.displayName(),
                n.role(), n.nationality() == null ? "" : ", " + n.nationality(), n.rank(), n.degree(),
                n.betweennessCentrality(), n.separatedPairs() > 0 ? ", removal separates " + n.separatedPairs()
                        + " pairs" : "");
    }

    /** Right-to-left layout for a text whose first strong character is right-to-left (Arabic, Hebrew...). */
    static String bidi(String text) {
        for (int i = 0; i < text.length(); i = text.offsetByCodePoints(i, 1)) {
            byte d = Character.getDirectionality(text.codePointAt(i));
            if (d == Character.DIRECTIONALITY_RIGHT_TO_LEFT || d == Character.DIRECTIONALITY_RIGHT_TO_LEFT_ARABIC) {
                return " direction=\"rtl\" unicode-bidi=\"embed\"";
            }
            if (d == Character.DIRECTIONALITY_LEFT_TO_RIGHT) {
                return "";
            }
        }
        return "";
    }

    /** XML text and attribute escaping; characters XML 1.0 cannot carry at all are dropped. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> {
                    boolean allowed = c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF)
                            || (c >= 0xE000 && c <= 0xFFFD) || c >= 0x10000;
                    if (allowed) {
                        out.appendCodePoint(c);
                    }
                }
            }
        });
        return out.toString();
    }
}
