package org.yaqaza.console.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

class LanguagesTest {

    @Test
    void arabicIsWrittenRightToLeft() {
        assertTrue(Languages.rightToLeft(Locale.forLanguageTag("ar")));
        assertFalse(Languages.rightToLeft(Locale.forLanguageTag("fr")));
    }

    @Test
    void everyLabelIsTranslatedIntoArabicAndFrench() throws IOException {
        Set<String> keys = Arrays.stream(Msg.class.getDeclaredMethods()).map(Method::getName)
                .collect(Collectors.toCollection(TreeSet::new));
        for (String language : new String[] { "ar", "fr" }) {
            Properties translated = new Properties();
            try (InputStream in = getClass().getResourceAsStream("/messages/msg_" + language + ".properties")) {
                translated.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
            }
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
        Properties arabic = new Properties();
        try (InputStream in = getClass().getResourceAsStream("/messages/msg_ar.properties")) {
            arabic.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        }
        for (String key : arabic.stringPropertyNames()) {
            String text = arabic.getProperty(key).replaceAll("\\{[^}]*}", "");
            if (!text.isBlank()) {
                assertTrue(text.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.ARABIC),
                        key + " is not in Arabic: " + text);
            }
        }
    }
}
