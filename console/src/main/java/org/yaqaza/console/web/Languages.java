package org.yaqaza.console.web;

import java.util.List;
import java.util.Locale;

import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpServerRequest;

/**
 * The console speaks Arabic, French and English. The choice is, in order: the language the user picked (a
 * cookie), the first of the browser's languages we speak (so an Arabic browser gets Arabic), English.
 */
public final class Languages {

    public static final String COOKIE = "yz-lang";
    public static final List<String> SUPPORTED = List.of("ar", "fr", "en");
    private static final String FALLBACK = "en";

    private Languages() {
    }

    public static boolean supported(String tag) {
        return tag != null && SUPPORTED.contains(tag);
    }

    public static Locale of(HttpServerRequest request) {
        Cookie chosen = request.getCookie(COOKIE);
        if (chosen != null && supported(chosen.getValue())) {
            return Locale.forLanguageTag(chosen.getValue());
        }
        String accept = request.getHeader("Accept-Language");
        if (accept != null && !accept.isBlank()) {
            try {
                for (Locale.LanguageRange range : Locale.LanguageRange.parse(accept)) {
                    String language = range.getRange().split("-", 2)[0].toLowerCase(Locale.ROOT);
                    if (supported(language)) {
                        return Locale.forLanguageTag(language);
                    }
                }
            } catch (IllegalArgumentException malformed) {
                // a garbled header is not the user's fault: fall back
            }
        }
        return Locale.forLanguageTag(FALLBACK);
    }

    public static boolean rightToLeft(Locale locale) {
        return "ar".equals(locale.getLanguage());
    }
}
