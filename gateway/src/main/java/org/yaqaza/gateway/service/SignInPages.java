package org.yaqaza.gateway.service;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;

/**
 * The languages of the sign-in pages: Arabic (right to left), French and English, each a bundle of every label
 * ({@code sign-in/messages_<language>.properties}). The page's language is the first of {@code ui_locales}
 * (OpenID Connect Core 3.1.2.1) that it speaks, else the browser's first (Accept-Language), else English.
 */
@ApplicationScoped
public class SignInPages {

    public static final List<String> LANGUAGES = List.of("ar", "fr", "en");
    private static final String FALLBACK = "en";

    private final Map<String, Map<String, String>> messages = new HashMap<>();

    public SignInPages() {
        for (String language : LANGUAGES) {
            ResourceBundle bundle = ResourceBundle.getBundle("sign-in.messages", Locale.forLanguageTag(language),
                    ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
            Map<String, String> labels = new HashMap<>();
            bundle.keySet().forEach(key -> labels.put(key, bundle.getString(key)));
            messages.put(language, Map.copyOf(labels));
        }
        if (!messages.get("ar").keySet().equals(messages.get(FALLBACK).keySet())
                || !messages.get("fr").keySet().equals(messages.get(FALLBACK).keySet())) {
            throw new IllegalStateException("every sign-in label must be translated into every language");
        }
    }

    /** The page's language from {@code ui_locales} (space-separated tags), else the browser's languages. */
    public String language(String uiLocales, List<Locale> acceptable) {
        if (uiLocales != null) {
            for (String tag : uiLocales.trim().split(" +")) {
                String language = Locale.forLanguageTag(tag).getLanguage();
                if (LANGUAGES.contains(language)) {
                    return language;
                }
            }
        }
        for (Locale locale : acceptable) {
            if (LANGUAGES.contains(locale.getLanguage())) {
                return locale.getLanguage();
            }
        }
        return FALLBACK;
    }

    /** A language's name in itself, for the switch on the page. */
    public String languageName(String language) {
        return messages.get(language).get("languageName");
    }

    /** The page in {@code language}: its labels as {@code msg}, {@code lang} and {@code dir} for the html element. */
    public String render(Template template, String language, Map<String, ?> data) {
        TemplateInstance page = template.instance();
        data.forEach(page::data);
        return page.data("msg", messages.get(language))
                .data("lang", language)
                .data("dir", language.equals("ar") ? "rtl" : "ltr")
                .render();
    }
}
