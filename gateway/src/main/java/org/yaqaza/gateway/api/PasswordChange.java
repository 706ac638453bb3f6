package org.yaqaza.gateway.api;

import jakarta.validation.constraints.NotNull;

public record PasswordChange(@NotNull @Secret String password) {
}
