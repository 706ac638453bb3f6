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

import org.junit.jupiter.api.Test;

/** The prevention pages' labels: every one in Arabic (in Arabic script) and French, none left over. */
class PreventionMessagesTest {

    private static Properties load(String language) throws IOException {
        Properties translated = new Properties();
        try (InputStream in = PreventionMessagesTest.class
                .getResourceAsStream("/messages/pmsg_" + language + ".properties")) {
            translated.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return translated;
    }

    @Test
    void everyLabelIsTranslatedIntoArabicAndFrench() throws IOException {
        Set<String> keys = Arrays.stream(PreventionMsg.class.getDeclaredMethods()).map(Method::getName)
                .collect(Collectors.toCollection(TreeSet::new));
        for (String language : new String[] { "ar", "fr" }) {
            Properties translated = load(language);
            Set<String> missing = new TreeSet<>(keys);
            missing.removeAll(translated.stringPropertyNames());
            assertEquals(Set.of(), missing, "labels without a " + language + " translation");
            Set<String> stale = new TreeSet<>(translated.stringPropertyNames());
            stale.removeAll(keys);
            assertEquals(Set.of(), stale, language + " translations of labels that no longer exist");
        }
    }

    @Test
    void theArabicLabelsAreInArabicScript() throws IOException {
        Properties arabic = load("ar");
        for (String key : arabic.stringPropertyNames()) {
            String text = arabic.getProperty(key).replaceAll("\\{[^}]*}", "");
            if (!text.isBlank()) {
                assertTrue(text.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.ARABIC),
                        key + " is not in Arabic: " + text);
            }
        }
    }
}
