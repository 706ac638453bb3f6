package org.yaqaza.gateway.api;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A client with the secret the gateway generated for it: shown once, stored only as a hash. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ClientSecretView(ClientView client, String clientSecret) {
}
