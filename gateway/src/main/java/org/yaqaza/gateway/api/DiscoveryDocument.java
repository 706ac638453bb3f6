package org.yaqaza.gateway.api;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/** OpenID Connect discovery / RFC 8414 metadata, so standard clients and libraries find the keys. */
public record DiscoveryDocument(
        @JsonProperty("issuer") String issuer,
        @JsonProperty("authorization_endpoint") String authorizationEndpoint,
        @JsonProperty("token_endpoint") String tokenEndpoint,
        @JsonProperty("revocation_endpoint") String revocationEndpoint,
        @JsonProperty("end_session_endpoint") String endSessionEndpoint,
        @JsonProperty("jwks_uri") String jwksUri,
        @JsonProperty("grant_types_supported") List<String> grantTypesSupported,
        @JsonProperty("response_types_supported") List<String> responseTypesSupported,
        @JsonProperty("response_modes_supported") List<String> responseModesSupported,
        @JsonProperty("code_challenge_methods_supported") List<String> codeChallengeMethodsSupported,
        @JsonProperty("scopes_supported") List<String> scopesSupported,
        @JsonProperty("ui_locales_supported") List<String> uiLocalesSupported,
        @JsonProperty("subject_types_supported") List<String> subjectTypesSupported,
        @JsonProperty("id_token_signing_alg_values_supported") List<String> idTokenSigningAlgValuesSupported,
        @JsonProperty("token_endpoint_auth_methods_supported") List<String> tokenEndpointAuthMethodsSupported,
        @JsonProperty("token_endpoint_auth_signing_alg_values_supported")
        List<String> tokenEndpointAuthSigningAlgValuesSupported,
        @JsonProperty("revocation_endpoint_auth_methods_supported")
        List<String> revocationEndpointAuthMethodsSupported,
        @JsonProperty("authorization_response_iss_parameter_supported") boolean authorizationResponseIssSupported,
        @JsonProperty("claims_supported") List<String> claimsSupported) {
}
