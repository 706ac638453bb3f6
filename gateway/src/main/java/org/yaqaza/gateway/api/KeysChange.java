package org.yaqaza.gateway.api;

import java.util.Map;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A client's new private_key_jwt public keys: a JWK Set ({@code {"keys":[...]}}) or one JWK. */
public record KeysChange(@NotNull @Size(max = 5) Map<String, Object> jwks) {
}
