package org.yaqaza.gateway.rest;

import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.yaqaza.gateway.api.DiscoveryDocument;
import org.yaqaza.gateway.config.GatewayConfig;

/** Discovery metadata at both well-known names (OpenID Connect and RFC 8414). */
@Path("/.well-known")
@Produces(MediaType.APPLICATION_JSON)
public class DiscoveryResource {

    private final DiscoveryDocument document;

    public DiscoveryResource(GatewayConfig config) {
        String issuer = config.token().issuer();
        String base = issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer;
        this.document = new DiscoveryDocument(
                issuer,
                base + "/auth/token",
                base + "/auth/jwks",
                List.of("client_credentials", "password"),
                // no authorization endpoint, so no response type: only the token endpoint's grants
                List.of(),
                List.of("public"),
                List.of("RS256"),
                List.of("client_secret_basic", "client_secret_post"),
                List.of("iss", "sub", "upn", "aud", "exp", "iat", "jti", "groups", "clearance", "compartments",
                        "agency", "partner"));
    }

    @GET
    @Path("/openid-configuration")
    @Operation(summary = "OpenID Connect discovery document of the built-in token service")
    public DiscoveryDocument openidConfiguration() {
        return document;
    }

    @GET
    @Path("/oauth-authorization-server")
    @Operation(summary = "RFC 8414 authorization server metadata (same content)")
    public DiscoveryDocument oauthAuthorizationServer() {
        return document;
    }
}
