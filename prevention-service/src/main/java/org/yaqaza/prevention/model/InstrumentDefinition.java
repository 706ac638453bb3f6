package org.yaqaza.prevention.model;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The content of an instrument: rating scales, domains of indicators each rated on one of the scales, and the
 * overall judgements an assessor may choose from. Every scale must offer {@link #INSUFFICIENT}.
 */
public record InstrumentDefinition(
        @NotEmpty @Size(max = 10) List<@Valid Scale> scales,
        @NotEmpty @Size(max = 30) List<@Valid Domain> domains,
        @NotEmpty @Size(max = 10) List<@NotBlank @Size(max = 200) String> judgements) {

    public static final String INSUFFICIENT = "INSUFFICIENT_INFORMATION";
    private static final String CODE = "[A-Z][A-Z0-9_]{0,39}";

    public record Scale(@NotBlank @Pattern(regexp = CODE) String code,
            @NotEmpty @Size(max = 10) List<@Valid Level> levels) {
    }

    /** A level of a scale, listed from least to most (the order "moved" is measured in). */
    public record Level(@NotBlank @Pattern(regexp = CODE) String code, @NotBlank @Size(max = 200) String label,
            @Size(max = 200) String labelAr) {
    }

    public record Domain(@NotBlank @Pattern(regexp = CODE) String code, @NotBlank @Size(max = 200) String title,
            @Size(max = 200) String titleAr, @NotEmpty @Size(max = 30) List<@Valid Indicator> indicators) {
    }

    public record Indicator(@NotBlank @Pattern(regexp = CODE) String code, @NotBlank @Size(max = 500) String text,
            @Size(max = 500) String textAr, @NotBlank String scale) {
    }

    public Scale scale(String code) {
        return scales.stream().filter(s -> s.code().equals(code)).findFirst().orElse(null);
    }

    public List<Indicator> indicators() {
        return domains.stream().flatMap(d -> d.indicators().stream()).toList();
    }
}
