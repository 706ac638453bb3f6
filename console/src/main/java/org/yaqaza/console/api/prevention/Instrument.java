package org.yaqaza.console.api.prevention;

import java.util.List;
import java.util.UUID;

import io.quarkus.qute.TemplateData;

/**
 * An assessment instrument as data (supplied by its licence holder; the project ships only an open example):
 * scales with ordered levels, domains of indicators, and the overall judgements the assessor chooses from.
 * Labels come in English and Arabic ({@code …Ar}); the console shows the Arabic one on Arabic pages.
 */
@TemplateData
public record Instrument(UUID id, String code, int version, String title, String licence, Definition definition) {

    @TemplateData
    public record Definition(List<Scale> scales, List<Domain> domains, List<String> judgements) {

        public Scale scale(String code) {
            return scales.stream().filter(s -> s.code().equals(code)).findFirst().orElse(null);
        }
    }

    @TemplateData
    public record Scale(String code, List<Level> levels) {
    }

    @TemplateData
    public record Level(String code, String label, String labelAr) {
    }

    @TemplateData
    public record Domain(String code, String title, String titleAr, List<Indicator> indicators) {
    }

    @TemplateData
    public record Indicator(String code, String text, String textAr, String scale) {
    }
}
