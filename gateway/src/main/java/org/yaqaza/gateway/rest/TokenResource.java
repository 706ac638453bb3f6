package org.yaqaza.gateway.rest;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.vertx.core.http.HttpServerRequest;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.yaqaza.common.problem.Problems;
import org.yaqaza.common.request.PublicBaseUrl;
import org.yaqaza.gateway.api.OAuthError;
import org.yaqaza.gateway.api.TokenResponse;
import org.yaqaza.gateway.config.GatewayConfig;
import org.yaqaza.gateway.edge.EdgeFilters;
import org.yaqaza.gateway.service.BrowserSignIn;
import org.yaqaza.gateway.service.ClientAssertions;
import org.yaqaza.gateway.service.TokenKeys;
import org.yaqaza.gateway.service.TokenService;

/**
 * The OAuth 2 token endpoint (RFC 6749): {@code client_credentials} for machine clients and partner systems,
 * {@code authorization_code} (with PKCE) and {@code refresh_token} for browser sign-ins ({@code BrowserSignIn}),
 * {@code password} for people only where it is turned on (the local demo and tests; OAuth 2.1 drops it), and token
 * revocation (RFC 7009). Clients authenticate with a secret (Basic or form) or a private_key_jwt assertion (RFC
 * 7523); a public client (a browser app) by its {@code client_id} alone. Errors are RFC 6749 JSON, as OAuth clients expect; a throttled attempt
 * (see {@code SignInThrottle}) is a 429 problem with Retry-After, like the edge's own per-address limit here.
 */
@Path("/auth")
public class TokenResource {

    /** A token request is a few hundred bytes; anything much larger is not one. */
    private static final int MAX_FORM_BYTES = 16 * 1024;
    private static final String FORM = MediaType.APPLICATION_FORM_URLENCODED;
    private static final String BASIC_CHALLENGE = "Basic realm=\"yaqaza\", charset=\"UTF-8\"";

    private static final String TOKEN_PATH = "/auth/token";

    private final TokenService tokens;
    private final BrowserSignIn browser;
    private final TokenKeys keys;
    private final PublicBaseUrl publicBaseUrl;
    private final String issuer;
    private final boolean passwordGrant;

    public TokenResource(TokenService tokens, BrowserSignIn browser, TokenKeys keys, PublicBaseUrl publicBaseUrl,
            GatewayConfig config) {
        this.tokens = tokens;
        this.browser = browser;
        this.passwordGrant = config.token().passwordGrant().enabled();
        this.keys = keys;
        this.publicBaseUrl = publicBaseUrl;
        this.issuer = config.token().issuer();
    }

    /** Form fields, documented for the OpenAPI document; the endpoint parses the form itself. */
    @Schema(name = "TokenRequest")
    public record TokenForm(
            @Schema(required = true, enumeration = { "authorization_code", "refresh_token", "client_credentials",
                    "password" }) String grant_type,
            String client_id, String client_secret,
            @Schema(enumeration = ClientAssertions.TYPE) String client_assertion_type,
            @Schema(description = "private_key_jwt (RFC 7523): a JWT signed with the client's registered key")
            String client_assertion,
            String username, String password, String scope,
            @Schema(description = "authorization_code: the code from the redirect") String code,
            @Schema(description = "authorization_code: the redirect_uri of the authorization request")
            String redirect_uri,
            @Schema(description = "authorization_code: the PKCE verifier (RFC 7636)") String code_verifier,
            @Schema(description = "refresh_token: the current refresh token (it rotates)") String refresh_token) {
    }

    /** Form fields of a revocation request (RFC 7009 2.1). */
    @Schema(name = "RevocationRequest")
    public record RevocationForm(@Schema(required = true) String token,
            @Schema(enumeration = { "refresh_token", "access_token" }) String token_type_hint, String client_id,
            String client_secret, String client_assertion_type, String client_assertion) {
    }

    @POST
    @Path("/token")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Issue tokens (authorization_code with PKCE, refresh_token, client_credentials; password "
            + "where enabled)")
    @RequestBody(content = @Content(mediaType = FORM, schema = @Schema(implementation = TokenForm.class)))
    public Response token(@Context HttpHeaders headers, @Context HttpServerRequest request, InputStream body)
            throws IOException {
        Map<String, String> form;
        try {
            form = readForm(headers, body);
        } catch (OAuthRefusal e) {
            return e.response;
        }

        TokenService.ClientAuthentication client;
        try {
            client = clientAuthentication(headers.getHeaderString(HttpHeaders.AUTHORIZATION), form, request);
        } catch (OAuthRefusal e) {
            return e.response;
        }

        String grantType = form.get("grant_type");
        if (grantType == null) {
            return error(400, "invalid_request", "grant_type is required.", false);
        }
        String address = EdgeFilters.address(request);
        TokenService.Grant grant;
        switch (grantType) {
            case "client_credentials" -> {
                if (client == null) {
                    return error(401, "invalid_client", "Client authentication is required.", false);
                }
                grant = client instanceof TokenService.ClientCredentials secret
                        ? tokens.clientCredentials(secret, address)
                        : tokens.clientCredentials((TokenService.ClientAssertion) client);
            }
            case "authorization_code" -> {
                if (!form.containsKey("code") || !form.containsKey("redirect_uri")) {
                    return error(400, "invalid_request", "code and redirect_uri are required.", false);
                }
                return browserAnswer(browser.redeemCode(client, form.get("client_id"), form.get("code"),
                        form.get("redirect_uri"), form.get("code_verifier"), address), client);
            }
            case "refresh_token" -> {
                if (!form.containsKey("refresh_token")) {
                    return error(400, "invalid_request", "refresh_token is required.", false);
                }
                return browserAnswer(browser.refresh(client, form.get("client_id"), form.get("refresh_token"),
                        form.get("scope"), address), client);
            }
            case "password" -> {
                if (!passwordGrant) {
                    return error(400, "unsupported_grant_type", "The password grant is turned off: people sign in "
                            + "through the authorization endpoint (authorization_code with PKCE).", false);
                }
                if (!form.containsKey("username") || !form.containsKey("password")) {
                    return error(400, "invalid_request", "username and password are required.", false);
                }
                grant = tokens.password(client, form.get("username"), form.get("password"), address);
            }
            default -> {
                return error(400, "unsupported_grant_type", "Supported grant types: "
                        + String.join(", ", grantTypes(passwordGrant)) + ".", false);
            }
        }
        if (grant instanceof TokenService.Granted granted) {
            return noStore(Response.ok(new TokenResponse(granted.issued().token(), "Bearer",
                    granted.issued().expiresIn())));
        }
        if (grant instanceof TokenService.Throttled throttled) {
            // not checked at all: the same answer whatever was sent, right or wrong
            return Problems.response(429, null, "Too many requests",
                    "Too many failed sign-ins for this account; wait before trying again.", TOKEN_PATH, null,
                    Map.of(HttpHeaders.RETRY_AFTER, Long.toString(throttled.retryAfterSeconds()),
                            HttpHeaders.CACHE_CONTROL, "no-store"));
        }
        if (((TokenService.Refused) grant).clientFailed()) {
            return error(401, "invalid_client", "Client authentication failed.",
                    client instanceof TokenService.ClientCredentials secret && secret.basic());
        }
        // one answer for unknown, wrong and disabled: the reason is in the audit trail, not for the caller
        return error(400, "invalid_grant", "The credentials are not valid or the account cannot be used now.",
                false);
    }

    /**
     * RFC 7009 token revocation: a refresh token (or an access token issued with one) of the calling client ends
     * its whole sign-in. 200 whether or not the token was known (RFC 7009 2.2).
     */
    @POST
    @Path("/revoke")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Revoke a refresh or access token of a browser sign-in (RFC 7009)")
    @RequestBody(content = @Content(mediaType = FORM, schema = @Schema(implementation = RevocationForm.class)))
    public Response revoke(@Context HttpHeaders headers, @Context HttpServerRequest request, InputStream body)
            throws IOException {
        Map<String, String> form;
        TokenService.ClientAuthentication client;
        try {
            form = readForm(headers, body);
            if (!form.containsKey("token")) {
                // before the client: the request is malformed whoever sends it
                return error(400, "invalid_request", "token is required.", false);
            }
            client = clientAuthentication(headers.getHeaderString(HttpHeaders.AUTHORIZATION), form, request);
        } catch (OAuthRefusal e) {
            return e.response;
        }
        if (!browser.revoke(client, form.get("client_id"), form.get("token"), EdgeFilters.address(request))) {
            return error(401, "invalid_client", "Client authentication failed.",
                    client instanceof TokenService.ClientCredentials secret && secret.basic());
        }
        return noStore(Response.ok());
    }

    /** The grant types this endpoint takes, for errors and discovery. */
    public static List<String> grantTypes(boolean passwordGrant) {
        return passwordGrant ? List.of("authorization_code", "refresh_token", "client_credentials", "password")
                : List.of("authorization_code", "refresh_token", "client_credentials");
    }

    private static Map<String, String> readForm(HttpHeaders headers, InputStream body) throws IOException,
            OAuthRefusal {
        MediaType type = headers.getMediaType();
        if (type == null || !type.isCompatible(MediaType.APPLICATION_FORM_URLENCODED_TYPE)) {
            throw new OAuthRefusal(error(400, "invalid_request", "The request must be " + FORM + ".", false));
        }
        byte[] raw = body.readNBytes(MAX_FORM_BYTES + 1);
        if (raw.length > MAX_FORM_BYTES) {
            throw new OAuthRefusal(error(400, "invalid_request", "The request is too large.", false));
        }
        try {
            return parseForm(new String(raw, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            throw new OAuthRefusal(error(400, "invalid_request", e.getMessage(), false));
        }
    }

    private static Response browserAnswer(BrowserSignIn.Answer answer, TokenService.ClientAuthentication client) {
        if (answer instanceof BrowserSignIn.Tokens tokens) {
            return noStore(Response.ok(new TokenResponse(tokens.access().token(), "Bearer",
                    tokens.access().expiresIn(), tokens.idToken(), tokens.refreshToken(), tokens.scope())));
        }
        BrowserSignIn.Refused refused = (BrowserSignIn.Refused) answer;
        return error(refused.clientFailed() ? 401 : 400, refused.error(), refused.description(),
                refused.clientFailed() && client instanceof TokenService.ClientCredentials secret && secret.basic());
    }

    /** An OAuth error answer to give instead of going on. */
    private static final class OAuthRefusal extends Exception {
        private final transient Response response;

        OAuthRefusal(Response response) {
            super(null, null, false, false);
            this.response = response;
        }
    }

    /**
     * The one client authentication of the request (RFC 6749 2.3: a client uses one method per request):
     * {@code client_secret_basic}, {@code client_secret_post}, {@code private_key_jwt} (RFC 7523), or none.
     */
    private TokenService.ClientAuthentication clientAuthentication(String authorization, Map<String, String> form,
            HttpServerRequest request) throws OAuthRefusal {
        boolean assertion = form.containsKey("client_assertion_type") || form.containsKey("client_assertion");
        if (authorization != null) {
            TokenService.ClientCredentials basic = TokenService.ClientCredentials.fromBasicHeader(authorization, true);
            if (basic == null) {
                throw new OAuthRefusal(error(401, "invalid_client", "Client authentication failed.", true));
            }
            if (assertion || form.containsKey("client_secret")
                    || (form.containsKey("client_id") && !form.get("client_id").equals(basic.clientId()))) {
                throw new OAuthRefusal(oneMethodOnly());
            }
            return basic;
        }
        if (assertion) {
            if (form.containsKey("client_secret")) {
                throw new OAuthRefusal(oneMethodOnly());
            }
            if (!ClientAssertions.TYPE.equals(form.get("client_assertion_type")) || !form.containsKey(
                    "client_assertion")) {
                throw new OAuthRefusal(error(400, "invalid_request", "client_assertion_type must be "
                        + ClientAssertions.TYPE + ", with a client_assertion.", false));
            }
            String base = publicBaseUrl.of(request);
            return new TokenService.ClientAssertion(form.get("client_assertion"), form.get("client_id"),
                    // copyOf: behind no proxy the public base URL is the issuer, and the set takes it once
                    Set.copyOf(List.of(issuer, issuer + TOKEN_PATH, base + TOKEN_PATH)));
        }
        if (form.containsKey("client_id") && form.containsKey("client_secret")) {
            return new TokenService.ClientCredentials(form.get("client_id"), form.get("client_secret"), false);
        }
        return null;
    }

    private static Response oneMethodOnly() {
        return error(400, "invalid_request", "Use one client authentication method only.", false);
    }

    @GET
    @Path("/jwks")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The public keys that sign Yaqaza tokens (JWKS), all of them during a rotation")
    public Response jwks() {
        // verifiers cache the set; a rotation publishes the next key well before it signs
        return Response.ok(keys.jwks()).header(HttpHeaders.CACHE_CONTROL, "public, max-age=300").build();
    }

    /** Parameters without a value count as absent; a repeated one is an error (RFC 6749 3.1, 3.2). */
    static Map<String, String> parseForm(String body) {
        Map<String, String> form = new HashMap<>();
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name;
            String value;
            try {
                name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("The form is not properly URL-encoded.");
            }
            if (value.isEmpty()) {
                continue;
            }
            if (form.put(name, value) != null) {
                throw new IllegalArgumentException("Parameter " + safe(name) + " is repeated.");
            }
        }
        return form;
    }

    private static String safe(String name) {
        return name.length() > 40 || !name.matches("[A-Za-z0-9_.-]*") ? "(unnamed)" : name;
    }

    private static Response error(int status, String code, String description, boolean basicChallenge) {
        Response.ResponseBuilder builder = Response.status(status).entity(new OAuthError(code, description))
                .type(MediaType.APPLICATION_JSON);
        if (basicChallenge) {
            builder.header(HttpHeaders.WWW_AUTHENTICATE, BASIC_CHALLENGE);
        }
        return noStore(builder);
    }

    private static Response noStore(Response.ResponseBuilder builder) {
        return builder.header(HttpHeaders.CACHE_CONTROL, "no-store").header("Pragma", "no-cache").build();
    }
}
