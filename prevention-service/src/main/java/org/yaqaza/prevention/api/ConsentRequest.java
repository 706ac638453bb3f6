package org.yaqaza.prevention.api;

import java.time.LocalDate;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;

import org.yaqaza.prevention.model.ConsentScope;

public record ConsentRequest(@NotNull ConsentScope scope, @NotNull @PastOrPresent LocalDate givenOn,
        @Size(max = 1000) String note) {
}
