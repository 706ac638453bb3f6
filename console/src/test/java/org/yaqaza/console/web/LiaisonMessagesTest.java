package org.yaqaza.console.web;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
        MessageBundles.assertTranslatedIntoArabicAndFrench(LiaisonMsg.class, "lmsg");
    }

    @Test
    void theArabicLabelsAreInArabicScript() throws IOException {
        MessageBundles.assertArabicInArabicScript("lmsg");
    }

    @Test
    void everyReasonCodeOfTheServiceIsWordedInEachLanguage() throws Exception {
        List<String> codes = serviceReasonCodes();
        assertFalse(codes.isEmpty(), "no reason code read from " + REASONS);
        String english = LiaisonMsg.class.getMethod("check_reason", String.class, Map.class)
                .getAnnotation(Message.class).value();
        Map<String, String> languages = Map.of("en", english, "ar", MessageBundles.load("lmsg", "ar").getProperty("check_reason"), "fr",
                MessageBundles.load("lmsg", "fr").getProperty("check_reason"));
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
