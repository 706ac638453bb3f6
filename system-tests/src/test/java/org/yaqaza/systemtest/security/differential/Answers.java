package org.yaqaza.systemtest.security.differential;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.yaqaza.systemtest.Json;
import org.yaqaza.systemtest.scenarios.Gateway.Resp;

/**
 * Answers in the form the probes compare: status, media type and body, with the probe's time fields masked and
 * the names a self-contained probe gives its twin records ({@code aliases}: the id of this stage's subject →
 * {@code <subject>}) put in place of their ids. Problem documents also lose {@code requestId} and
 * {@code instance}, which name the request, not the data.
 */
final class Answers {

    static final String MASK = "<time>";

    private Answers() {
    }

    static String normalise(Resp answer, Collection<String> timeFields) {
        return normalise(answer, timeFields, Map.of());
    }

    static String normalise(Resp answer, Collection<String> timeFields, Map<String, String> aliases) {
        String type = answer.header("Content-Type") == null ? "" : answer.header("Content-Type");
        String media = type.contains(";") ? type.substring(0, type.indexOf(';')).strip() : type.strip();
        return answer.status() + " " + media + " " + body(answer.body(), media, timeFields, aliases);
    }

    /** A body alone (JSON re-written with masked fields; anything else as it came, aliases applied). */
    static String body(String raw, String media, Collection<String> timeFields, Map<String, String> aliases) {
        String body = raw;
        for (Map.Entry<String, String> alias : aliases.entrySet()) {
            body = body.replace(alias.getKey(), alias.getValue());
        }
        if (media.contains("json") && !body.isBlank()) {
            try {
                return Json.write(mask(Json.parse(body), timeFields, media.contains("problem")));
            } catch (RuntimeException notJson) {
                return body;
            }
        }
        return body;
    }

    private static Object mask(Object value, Collection<String> timeFields, boolean problem) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> {
                String key = String.valueOf(k);
                boolean perRequest = problem && (key.equals("requestId") || key.equals("traceId") || key.equals("instance"));
                out.put(key, timeFields.contains(key) || perRequest ? MASK : mask(v, timeFields, problem));
            });
            return out;
        }
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>();
            list.forEach(v -> out.add(mask(v, timeFields, problem)));
            return out;
        }
        return value;
    }

    /**
     * Where two normalised answers differ, for a person to read: the JSON paths that differ (at most six) with
     * both values, or the first differing stretch of text.
     */
    static String difference(String before, String after) {
        if (before == null || after == null) {
            return "before: " + cut(before, 300) + "\n      after:  " + cut(after, 300);
        }
        String[] a = before.split(" ", 3);
        String[] b = after.split(" ", 3);
        if (a.length == 3 && b.length == 3 && a[0].equals(b[0]) && a[1].contains("json") && b[1].contains("json")) {
            try {
                List<String> paths = new ArrayList<>();
                walk("$", Json.parse(a[2]), Json.parse(b[2]), paths);
                if (!paths.isEmpty()) {
                    return String.join("\n      ", paths.subList(0, Math.min(6, paths.size())))
                            + (paths.size() > 6 ? "\n      … and " + (paths.size() - 6) + " more" : "");
                }
            } catch (RuntimeException notJson) {
                // fall through to the text comparison
            }
        }
        int i = 0;
        while (i < before.length() && i < after.length() && before.charAt(i) == after.charAt(i)) {
            i++;
        }
        int from = Math.max(0, i - 60);
        return "at character " + i + ":\n      before: …" + cut(before.substring(from), 200) + "\n      after:  …"
                + cut(after.substring(Math.min(from, after.length())), 200);
    }

    private static void walk(String path, Object a, Object b, List<String> out) {
        if (a instanceof Map<?, ?> ma && b instanceof Map<?, ?> mb) {
            for (Object key : ma.keySet()) {
                walk(path + "." + key, ma.get(key), mb.containsKey(key) ? mb.get(key) : Missing.VALUE, out);
            }
            for (Object key : mb.keySet()) {
                if (!ma.containsKey(key)) {
                    out.add(path + "." + key + ": (absent) → " + cut(Json.write(mb.get(key)), 160));
                }
            }
        } else if (a instanceof List<?> la && b instanceof List<?> lb) {
            if (la.size() != lb.size()) {
                out.add(path + ": " + la.size() + " items → " + lb.size() + " items");
            }
            for (int i = 0; i < Math.min(la.size(), lb.size()); i++) {
                walk(path + "[" + i + "]", la.get(i), lb.get(i), out);
            }
            for (int i = la.size(); i < lb.size() && out.size() < 12; i++) {
                out.add(path + "[" + i + "]: (absent) → " + cut(Json.write(lb.get(i)), 160));
            }
        } else if (b == Missing.VALUE) {
            out.add(path + ": " + cut(Json.write(a), 160) + " → (absent)");
        } else if (a == null ? b != null : !a.equals(b)) {
            out.add(path + ": " + cut(Json.write(a), 160) + " → " + cut(Json.write(b), 160));
        }
    }

    private enum Missing {
        VALUE
    }

    static String cut(String s, int max) {
        return s == null ? "null" : s.length() > max ? s.substring(0, max) + "…" : s;
    }
}
