package org.yaqaza.console.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import io.quarkus.qute.i18n.Message;

/**
 * The liaison labels of {@link LiaisonMsg}: every one in Arabic (in Arabic script) and French, none left over; and
 * every release-check reason code the liaison service can produce (its enum {@code ReleaseCheckReason}, read from
 * the liaison-service sources of this repository) is worded in English, Arabic and French.
 */
class LiaisonMessagesTest {

    private static final String REASONS =
            "liaison-service/src/main/java/org/yaqaza/liaison/service/ReleaseCheckReason.java";

    private static Properties load(String language) throws IOException {
        Properties translated = new Properties();
        try (InputStream in = LiaisonMessagesTest.class
                .getResourceAsStream("/messages/lmsg_" + language + ".properties")) {
            translated.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return translated;
    }

    /** The codes of the service's enum: {@code NAME("rule", "code")}. */
    static List<String> serviceReasonCodes() throws IOException {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve(REASONS))) {
            dir = dir.getParent();
        }
        assertTrue(dir != null, REASONS + " not found above the module");
        Matcher m = Pattern.compile("[A-Z_]+\\(\"[a-z-]+\",\\s*\"([a-z-]+)\"\\)")
                .matcher(Files.readString(dir.resolve(REASONS)));
        List<String> codes = new ArrayList<>();
        while (m.find()) {
            codes.add(m.group(1));
        }
        return codes;
    }

    @Test
    void everyLabelIsTranslatedIntoArabicAndFrench() throws IOException {
        Set<String> keys = Arrays.stream(LiaisonMsg.class.getDeclaredMethods()).map(Method::getName)
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

    @Test
    void everyReasonCodeOfTheServiceIsWordedInEachLanguage() throws Exception {
        List<String> codes = serviceReasonCodes();
        assertFalse(codes.isEmpty(), "no reason code read from " + REASONS);
        String english = LiaisonMsg.class.getMethod("check_reason", String.class, Map.class)
                .getAnnotation(Message.class).value();
        Map<String, String> languages = Map.of("en", english, "ar", load("ar").getProperty("check_reason"), "fr",
                load("fr").getProperty("check_reason"));
        languages.forEach((language, template) -> {
            for (String code : codes) {
                Matcher branch = Pattern.compile("\\{#is '" + Pattern.quote(code) + "'}([^{]*(\\{p\\.get\\('[a-z]+'\\)}"
                        + "[^{]*)*)").matcher(template);
                assertTrue(branch.find(), "reason " + code + " has no " + language + " wording");
                assertFalse(branch.group(1).isBlank(), "reason " + code + " is blank in " + language);
                assertTrue(branch.group(1).contains("{p.get('partner')}") || code.equals("tlp-amber-strict"),
                        "reason " + code + " names no partner in " + language + ": " + branch.group(1));
            }
        });
    }
}
