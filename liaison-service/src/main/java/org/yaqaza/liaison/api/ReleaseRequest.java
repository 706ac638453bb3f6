package org.yaqaza.liaison.api;

import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.yaqaza.liaison.model.StixExtras;
import org.yaqaza.liaison.model.Tlp;

/** A release of one intelligence product to one or more partners. */
public record ReleaseRequest(
        @NotNull UUID productId,
        @NotEmpty @Size(max = 50) List<@NotBlank @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9._-]+",
                message = "must be a partner id") String> partners,
        @NotNull Tlp tlp,
        @Size(max = 4000) String note,
        @Size(max = 50) List<@Valid @NotNull ActorRequest> actors,
        @Size(max = 200) List<@Valid @NotNull IndicatorRequest> indicators,
        Long version) {

    public StixExtras extras() {
        return new StixExtras(
                actors == null ? List.of() : actors.stream().map(a -> new StixExtras.Actor(a.name(), a.kind(),
                        a.aliases() == null ? List.of() : a.aliases(), a.description())).toList(),
                indicators == null ? List.of() : indicators.stream().map(i -> new StixExtras.Indicator(i.name(),
                        i.pattern().trim(), i.indicates())).toList());
    }
}
