package org.yaqaza.gateway.api;

import com.fasterxml.jackson.annotation.JsonProperty;

/** RFC 6749 section 5.2 error response (the token endpoint answers these, not RFC 9457 problems). */
public record OAuthError(
        @JsonProperty("error") String error,
        @JsonProperty("error_description") String description) {
}
