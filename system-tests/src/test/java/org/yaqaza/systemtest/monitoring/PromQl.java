package org.yaqaza.systemtest.monitoring;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The metric names a PromQL expression reads, without a PromQL parser: strings, label matchers, ranges and the
 * label lists of {@code by}, {@code without}, {@code on}, {@code ignoring} and {@code group_*} are removed, then
 * every identifier that is not a function call or a keyword is a metric name. Grafana's
 * {@code label_values(<expr>, <label>)} is read as its expression.
 */
final class PromQl {

    private static final Pattern STRING = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*'|`[^`]*`");
    private static final Pattern LABEL_LISTS = Pattern.compile(
            "\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)");
    private static final Pattern LABEL_VALUES = Pattern.compile("label_values\\s*\\((.*),\\s*[A-Za-z_]\\w*\\s*\\)");
    /** An identifier not glued to a number or a dot before it (1e3, 5m, 0.5 are no names). */
    private static final Pattern IDENTIFIER = Pattern.compile("(?<![\\w.:$])[A-Za-z_:][\\w:]*");
    private static final Set<String> KEYWORDS = Set.of("and", "or", "unless", "bool", "offset", "by", "without",
            "on", "ignoring", "group_left", "group_right", "inf", "nan", "atan2", "start", "end");

    private PromQl() {
    }

    static Set<String> metricNames(String expression) {
        String text = expression;
        Matcher labelValues = LABEL_VALUES.matcher(text);
        if (labelValues.find()) {
            text = labelValues.group(1);
        }
        text = STRING.matcher(text).replaceAll("\"\"");
        text = text.replaceAll("\\{[^}]*}", " ").replaceAll("\\[[^]]*]", " ");
        text = LABEL_LISTS.matcher(text).replaceAll(" ");
        Set<String> names = new LinkedHashSet<>();
        Matcher m = IDENTIFIER.matcher(text);
        while (m.find()) {
            String name = m.group();
            boolean call = text.substring(m.end()).stripLeading().startsWith("(");
            if (!call && !KEYWORDS.contains(name.toLowerCase(java.util.Locale.ROOT))) {
                names.add(name);
            }
        }
        return names;
    }
}
