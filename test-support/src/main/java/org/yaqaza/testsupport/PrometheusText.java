package org.yaqaza.testsupport;

import static io.restassured.RestAssured.given;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.function.DoublePredicate;

/**
 * Reads the Prometheus text format that {@code /q/metrics} answers: sample names, and the value of one sample
 * selected by name and labels. Used by the module tests of the exported gauges and by the system test that checks
 * the alert rules against what the services export.
 */
public final class PrometheusText {

    private PrometheusText() {
    }

    /** One sample line: {@code name{label="value",...} value}. */
    public record Sample(String name, Map<String, String> labels, double value) {
    }

    public static List<Sample> parse(String exposition) {
        return exposition.lines().filter(line -> !line.isBlank() && !line.startsWith("#"))
                .map(PrometheusText::sample).toList();
    }

    /** The names of every sample, e.g. {@code http_server_requests_seconds_bucket} and {@code ..._count}. */
    public static Set<String> sampleNames(String exposition) {
        Set<String> names = new LinkedHashSet<>();
        parse(exposition).forEach(s -> names.add(s.name()));
        return names;
    }

    /** The value of the first sample named {@code name} whose labels include {@code labels} (name, value, ...). */
    public static OptionalDouble value(String exposition, String name, String... labels) {
        Map<String, String> wanted = new LinkedHashMap<>();
        for (int i = 0; i + 1 < labels.length; i += 2) {
            wanted.put(labels[i], labels[i + 1]);
        }
        return parse(exposition).stream()
                .filter(s -> s.name().equals(name) && s.labels().entrySet().containsAll(wanted.entrySet()))
                .mapToDouble(Sample::value).findFirst();
    }

    /** This Quarkus test application's own {@code /q/metrics}. */
    public static String scrape() {
        return given().get("/q/metrics").then().statusCode(200).extract().asString();
    }

    /**
     * Scrapes until the sample's value satisfies {@code condition} or {@code seconds} have passed; returns the last
     * value seen (NaN when the sample was never there), for the caller to assert on.
     */
    public static double await(int seconds, DoublePredicate condition, String name, String... labels) {
        long until = System.nanoTime() + seconds * 1_000_000_000L;
        double seen = Double.NaN;
        while (true) {
            seen = value(scrape(), name, labels).orElse(Double.NaN);
            if (condition.test(seen) || System.nanoTime() > until) {
                return seen;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return seen;
            }
        }
    }

    private static Sample sample(String line) {
        int brace = line.indexOf('{');
        int space = line.indexOf(' ');
        Map<String, String> labels = new LinkedHashMap<>();
        String name;
        int rest;
        if (brace >= 0 && (space < 0 || brace < space)) {
            name = line.substring(0, brace);
            rest = labels(line, brace + 1, labels);
        } else {
            name = line.substring(0, space);
            rest = space;
        }
        String[] valueAndTime = line.substring(rest).trim().split(" ");
        return new Sample(name, labels, parseValue(valueAndTime[0]));
    }

    /** Reads {@code a="x",b="y"}} from {@code i}; returns the index after the closing brace. */
    private static int labels(String line, int i, Map<String, String> into) {
        while (line.charAt(i) != '}') {
            int eq = line.indexOf('=', i);
            String label = line.substring(i, eq).trim();
            StringBuilder value = new StringBuilder();
            int j = eq + 2; // past ="
            for (; line.charAt(j) != '"'; j++) {
                char c = line.charAt(j);
                if (c == '\\') {
                    char next = line.charAt(++j);
                    value.append(next == 'n' ? '\n' : next);
                } else {
                    value.append(c);
                }
            }
            into.put(label, value.toString());
            i = j + 1;
            if (line.charAt(i) == ',') {
                i++;
            }
        }
        return i + 1;
    }

    private static double parseValue(String text) {
        return switch (text) {
            case "+Inf" -> Double.POSITIVE_INFINITY;
            case "-Inf" -> Double.NEGATIVE_INFINITY;
            case "NaN" -> Double.NaN;
            default -> Double.parseDouble(text);
        };
    }
}
