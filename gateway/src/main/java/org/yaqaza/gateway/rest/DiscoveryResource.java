package org.yaqaza.gateway.rest;

import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.yaqaza.common.request.PublicBaseUrl;
import org.yaqaza.gateway.api.DiscoveryDocument;
import org.yaqaza.gateway.config.GatewayConfig;
import org.yaqaza.gateway.service.BrowserSignIn;
import org.yaqaza.gateway.service.ClientKeys;
import org.yaqaza.gateway.service.SignInPages;

import io.vertx.core.http.HttpServerRequest;

/**
 * Discovery metadata at both well-known names (OpenID Connect and RFC 8414). The issuer is the configured one
 * (tokens carry it); the endpoint URLs are where this client can reach them ({@link PublicBaseUrl}), so a client
 * that came in on another port or through an ingress follows them as given.
 */
@Path("/.well-known")
@Produces(MediaType.APPLICATION_JSON)
public class DiscoveryResource {

    private final String issuer;
    private final PublicBaseUrl publicBaseUrl;
    private final boolean passwordGrant;

    public DiscoveryResource(GatewayConfig config, PublicBaseUrl publicBaseUrl) {
        this.issuer = config.token().issuer();
        this.publicBaseUrl = publicBaseUrl;
        this.passwordGrant = config.token().passwordGrant().enabled();
    }

    @GET
    @Path("/openid-configuration")
    @Operation(summary = "OpenID Connect discovery document of the built-in token service")
    public DiscoveryDocument openidConfiguration(@Context HttpServerRequest request) {
        return document(request);
    }

    @GET
    @Path("/oauth-authorization-server")
    @Operation(summary = "RFC 8414 authorization server metadata (same content)")
    public DiscoveryDocument oauthAuthorizationServer(@Context HttpServerRequest request) {
        return document(request);
    }

    private DiscoveryDocument document(HttpServerRequest request) {
        String base = publicBaseUrl.of(request);
        List<String> authMethods = List.of("client_secret_basic", "client_secret_post", "private_key_jwt", "none");
        return new DiscoveryDocument(
                issuer,
                base + "/auth/authorize",
                base + "/auth/token",
                base + "/auth/revoke",
                base + "/auth/logout",
                base + "/auth/jwks",
                TokenResource.grantTypes(passwordGrant),
                List.of("code"),
                List.of("query"),
                List.of(BrowserSignIn.S256),
                BrowserSignIn.SCOPES,
                SignInPages.LANGUAGES,
                List.of("public"),
                List.of("RS256"),
                authMethods,
                List.copyOf(new java.util.TreeSet<>(ClientKeys.ALGORITHMS)),
                authMethods,
                true,
                List.of("iss", "sub", "upn", "aud", "exp", "iat", "jti", "groups", "clearance", "compartments",
                        "agency", "partner", "auth_time", "nonce", "azp", "sid", "preferred_username", "name"));
    }
}
