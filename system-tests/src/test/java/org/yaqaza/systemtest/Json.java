package org.yaqaza.systemtest;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.yaqaza.common.text.Escaping;

import groovy.json.JsonSlurper;

/**
 * JSON for the system tests, which carry no JSON binding library of their own: parsing answers (Groovy's parser,
 * on the test classpath through rest-assured) and writing request bodies.
 */
public final class Json {

    private Json() {
    }

    /**
     * Maps, lists, strings, numbers, booleans and null, as plain maps and lists: JsonSlurper's maps are lazy (they build themselves on first read), so reading one
     * document from many request threads at once fails with a ConcurrentModificationException.
     */
    public static Object parse(String text) {
        return plain(new JsonSlurper().parseText(text));
    }

    private static Object plain(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put(String.valueOf(k), plain(v)));
            return copy;
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new java.util.ArrayList<>(list.size());
            list.forEach(v -> copy.add(plain(v)));
            return copy;
        }
        return value;
    }

    /** An ordered map from alternating keys and values; null values are left out. */
    public static Map<String, Object> obj(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            if (keysAndValues[i + 1] != null) {
                map.put((String) keysAndValues[i], keysAndValues[i + 1]);
            }
        }
        return map;
    }

    public static String write(Object value) {
        StringBuilder out = new StringBuilder();
        write(value, out);
        return out.toString();
    }

    private static void write(Object value, StringBuilder out) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof String s) {
            quote(s, out);
        } else if (value instanceof Number || value instanceof Boolean) {
            out.append(value);
        } else if (value instanceof Map<?, ?> map) {
            out.append('{');
            Iterator<? extends Map.Entry<?, ?>> entries = map.entrySet().iterator();
            while (entries.hasNext()) {
                Map.Entry<?, ?> entry = entries.next();
                quote(entry.getKey().toString(), out);
                out.append(':');
                write(entry.getValue(), out);
                if (entries.hasNext()) {
                    out.append(',');
                }
            }
            out.append('}');
        } else if (value instanceof List<?> list) {
            out.append('[');
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                write(list.get(i), out);
            }
            out.append(']');
        } else if (value instanceof RawJson raw) {
            out.append(raw.text());
        } else {
            quote(value.toString(), out);
        }
    }

    public static void quote(String s, StringBuilder out) {
        Escaping.appendJson(out.append('"'), s, 0, s.length()).append('"');
    }

    /** A fragment written as it is (deep nesting, numbers out of range). */
    public record RawJson(String text) {
    }
}
