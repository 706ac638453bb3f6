package org.yaqaza.gateway.api;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/** OpenID Connect discovery / RFC 8414 metadata, so standard clients and libraries find the keys. */
public record DiscoveryDocument(
        @JsonProperty("issuer") String issuer,
        @JsonProperty("token_endpoint") String tokenEndpoint,
        @JsonProperty("jwks_uri") String jwksUri,
        @JsonProperty("grant_types_supported") List<String> grantTypesSupported,
        @JsonProperty("response_types_supported") List<String> responseTypesSupported,
        @JsonProperty("subject_types_supported") List<String> subjectTypesSupported,
        @JsonProperty("id_token_signing_alg_values_supported") List<String> idTokenSigningAlgValuesSupported,
        @JsonProperty("token_endpoint_auth_methods_supported") List<String> tokenEndpointAuthMethodsSupported,
        @JsonProperty("token_endpoint_auth_signing_alg_values_supported")
        List<String> tokenEndpointAuthSigningAlgValuesSupported,
        @JsonProperty("claims_supported") List<String> claimsSupported) {
}
