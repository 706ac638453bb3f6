package org.yaqaza.console.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** Checks every console message bundle's translations share: complete, none left over, Arabic in Arabic script. */
final class MessageBundles {

    private MessageBundles() {
    }

    /** The {@code language} file of the bundle whose files are named {@code <prefix>_<language>.properties}. */
    static Properties load(String prefix, String language) throws IOException {
        Properties translated = new Properties();
        try (InputStream in = MessageBundles.class
                .getResourceAsStream("/messages/" + prefix + "_" + language + ".properties")) {
            translated.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return translated;
    }

    /** Every label of {@code bundle} has an Arabic and a French translation, and no translation is stale. */
    static void assertTranslatedIntoArabicAndFrench(Class<?> bundle, String prefix) throws IOException {
        Set<String> keys = Arrays.stream(bundle.getDeclaredMethods()).map(Method::getName)
                .collect(Collectors.toCollection(TreeSet::new));
        for (String language : new String[] { "ar", "fr" }) {
            Properties translated = load(prefix, language);
            Set<String> missing = new TreeSet<>(keys);
            missing.removeAll(translated.stringPropertyNames());
            assertEquals(Set.of(), missing, "labels without a " + language + " translation");
            Set<String> stale = new TreeSet<>(translated.stringPropertyNames());
            stale.removeAll(keys);
            assertEquals(Set.of(), stale, language + " translations of labels that no longer exist");
        }
    }

    /** Each Arabic label, template expressions left out, has Arabic letters. */
    static void assertArabicInArabicScript(String prefix) throws IOException {
        Properties arabic = load(prefix, "ar");
        for (String key : arabic.stringPropertyNames()) {
            String text = arabic.getProperty(key).replaceAll("\\{[^}]*}", "");
            if (!text.isBlank()) {
                assertTrue(text.codePoints()
                        .anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.ARABIC),
                        key + " is not in Arabic: " + text);
            }
        }
    }
}
