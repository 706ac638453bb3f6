package org.yaqaza.gateway.rest;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.yaqaza.common.problem.Problem;
import org.yaqaza.common.problem.Problems;
import org.yaqaza.common.request.PublicBaseUrl;
import org.yaqaza.gateway.config.GatewayConfig;
import org.yaqaza.gateway.edge.EdgeFilters;
import org.yaqaza.gateway.model.MachineClient;
import org.yaqaza.gateway.service.BrowserSignIn;
import org.yaqaza.gateway.service.SignInPages;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.vertx.core.http.HttpServerRequest;

/**
 * The authorization endpoint (OAuth 2.1 4.1, OpenID Connect Core 3.1.2) and its sign-in page, and the end-session
 * endpoint (OpenID Connect RP-Initiated Logout 1.0). Pages are server-rendered in Arabic (right to left), French
 * or English, carry no script at all and are framed by no one (CSP {@code frame-ancestors 'none'}). Nothing is
 * sent to a redirect URI the client did not register: a bad client or URI gets an error page here. A caller that
 * does not ask for HTML (an API client, a script) gets each refusal as an RFC 9457 problem with the same status.
 */
@Path("/auth")
public class AuthorizeResource {

    static final String CSRF_COOKIE = "yaqaza_sign_in_csrf";
    /** The sign-in form is a few hundred bytes (the request's fields and the credentials). */
    private static final int MAX_FORM_BYTES = 16 * 1024;
    private static final String AUTHORIZE_PATH = "/auth/authorize";
    private static final SecureRandom RANDOM = new SecureRandom();
    /** The fields of an authorization request the page carries from the GET to its form's POST. */
    private static final List<String> REQUEST_FIELDS = List.of("response_type", "client_id", "redirect_uri",
            "scope", "state", "nonce", "code_challenge", "code_challenge_method", "ui_locales");

    private final BrowserSignIn signIn;
    private final SignInPages pages;
    private final PublicBaseUrl publicBaseUrl;
    private final String issuer;
    private final Template signInPage;
    private final Template signInError;
    private final Template signedOut;

    /** The sign-in form's fields, documented for the OpenAPI document; the endpoint parses the form itself. */
    @Schema(name = "SignInForm")
    public record SignInForm(String response_type, String client_id, String redirect_uri, String scope, String state,
            String nonce, String code_challenge, String code_challenge_method, String ui_locales,
            @Schema(description = "the page's CSRF token, equal to its cookie") String csrf, String username,
            String password) {
    }

    public AuthorizeResource(BrowserSignIn signIn, SignInPages pages, PublicBaseUrl publicBaseUrl,
            GatewayConfig config, @Location("sign-in.html") Template signInPage,
            @Location("sign-in-error.html") Template signInError, @Location("signed-out.html") Template signedOut) {
        this.signIn = signIn;
        this.pages = pages;
        this.publicBaseUrl = publicBaseUrl;
        this.issuer = config.token().issuer();
        this.signInPage = signInPage;
        this.signInError = signInError;
        this.signedOut = signedOut;
    }

    @GET
    @Path("/authorize")
    @Produces({ MediaType.TEXT_HTML, Problem.MEDIA_TYPE, MediaType.APPLICATION_JSON })
    @Operation(summary = "Start a browser sign-in (authorization code with PKCE S256): the sign-in page")
    public Response authorize(@Context HttpHeaders headers, @Context HttpServerRequest request,
            @CookieParam(CSRF_COOKIE) String csrfCookie,
            @QueryParam("response_type") String responseType, @QueryParam("client_id") String clientId,
            @QueryParam("redirect_uri") String redirectUri, @QueryParam("scope") String scope,
            @QueryParam("state") String state, @QueryParam("nonce") String nonce,
            @QueryParam("code_challenge") String codeChallenge,
            @Parameter(description = "S256 only; plain is refused")
            @QueryParam("code_challenge_method") String codeChallengeMethod,
            @QueryParam("prompt") String prompt,
            @Parameter(description = "ar, fr or en (space-separated preferences); else Accept-Language")
            @QueryParam("ui_locales") String uiLocales) {
        Map<String, String> fields = new LinkedHashMap<>();
        put(fields, "response_type", responseType);
        put(fields, "client_id", clientId);
        put(fields, "redirect_uri", redirectUri);
        put(fields, "scope", scope);
        put(fields, "state", state);
        put(fields, "nonce", nonce);
        put(fields, "code_challenge", codeChallenge);
        put(fields, "code_challenge_method", codeChallengeMethod);
        put(fields, "ui_locales", uiLocales);
        String language = pages.language(uiLocales, browserLanguages(headers));
        Optional<MachineClient> client = signIn.registeredClient(clientId, redirectUri);
        if (client.isEmpty()) {
            return errorPage(headers, language, "unknownClient");
        }
        BrowserSignIn.AuthorizationRequest authorization = authorizationRequest(fields, prompt);
        BrowserSignIn.RequestError error = BrowserSignIn.check(authorization);
        if (error != null) {
            return redirectError(redirectUri, error, state, request);
        }
        String csrf = wellFormedCsrf(csrfCookie) ? csrfCookie : newCsrf();
        return page(200, language, client.get(), fields, csrf, null, null, request);
    }

    @POST
    @Path("/authorize")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces({ MediaType.TEXT_HTML, Problem.MEDIA_TYPE, MediaType.APPLICATION_JSON })
    @Operation(summary = "Submit the sign-in page: on success a redirect to the client with a one-time code")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_FORM_URLENCODED,
            schema = @Schema(implementation = SignInForm.class)))
    public Response submit(@Context HttpHeaders headers, @Context HttpServerRequest request,
            @CookieParam(CSRF_COOKIE) String csrfCookie, InputStream body) throws IOException {
        Map<String, String> form;
        byte[] raw = body.readNBytes(MAX_FORM_BYTES + 1);
        try {
            // parsed here, as at the token endpoint: a malformed or oversized form is the caller's error
            form = raw.length > MAX_FORM_BYTES ? null : TokenResource.parseForm(new String(raw,
                    StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            form = null;
        }
        if (form == null) {
            return errorPage(headers, pages.language(null, browserLanguages(headers)), "badRequest");
        }
        Map<String, String> fields = new LinkedHashMap<>();
        for (String name : REQUEST_FIELDS) {
            put(fields, name, form.get(name));
        }
        String language = pages.language(fields.get("ui_locales"), browserLanguages(headers));
        Optional<MachineClient> client = signIn.registeredClient(fields.get("client_id"), fields.get("redirect_uri"));
        if (client.isEmpty()) {
            return errorPage(headers, language, "unknownClient");
        }
        BrowserSignIn.AuthorizationRequest authorization = authorizationRequest(fields, null);
        BrowserSignIn.RequestError error = BrowserSignIn.check(authorization);
        if (error != null) {
            return redirectError(authorization.redirectUri(), error, authorization.state(), request);
        }
        String username = form.get("username");
        String password = form.get("password");
        String sentCsrf = form.get("csrf");
        if (!wellFormedCsrf(csrfCookie) || sentCsrf == null || !MessageDigest.isEqual(
                csrfCookie.getBytes(StandardCharsets.US_ASCII), sentCsrf.getBytes(StandardCharsets.US_ASCII))) {
            // not sent from the page this browser was given (or the cookie expired): show a fresh page
            return refusedPage(headers, 400, "The sign-in form's CSRF token is missing or not this browser's.",
                    Map.of(), () -> page(400, language, client.get(), fields, newCsrf(), username, "expired",
                            request));
        }
        if (username == null || username.isBlank() || password == null) {
            return refusedPage(headers, 400, "username and password are required.", Map.of(),
                    () -> page(400, language, client.get(), fields, csrfCookie, username, "missing", request));
        }
        BrowserSignIn.SignIn outcome = signIn.signIn(authorization, username, password,
                EdgeFilters.address(request));
        if (outcome instanceof BrowserSignIn.CodeIssued issued) {
            Map<String, String> answer = new LinkedHashMap<>();
            answer.put("code", issued.code());
            put(answer, "state", authorization.state());
            // RFC 9207: which server answered, for clients that talk to several
            answer.put("iss", issuer);
            return Response.seeOther(withQuery(authorization.redirectUri(), answer))
                    .header(HttpHeaders.CACHE_CONTROL, "no-store")
                    .header("Referrer-Policy", "same-origin").build();
        }
        if (outcome instanceof BrowserSignIn.SignInThrottled throttled) {
            Map<String, String> retry = Map.of(HttpHeaders.RETRY_AFTER, Long.toString(throttled.retryAfterSeconds()));
            return refusedPage(headers, 429, "Too many failed sign-ins for this account; wait before trying again.",
                    retry, () -> {
                        Response.ResponseBuilder page = pageBuilder(429, language, client.get(), fields, csrfCookie,
                                username, "throttled", request);
                        retry.forEach(page::header);
                        return page.build();
                    });
        }
        if (outcome instanceof BrowserSignIn.WrongCredentials) {
            // one message for unknown, wrong and disabled, as at the token endpoint
            return refusedPage(headers, 401, "The credentials are not valid or the account cannot be used now.",
                    Map.of(), () -> page(401, language, client.get(), fields, csrfCookie, username, "wrong",
                            request));
        }
        return errorPage(headers, language, "unknownClient");
    }

    @GET
    @Path("/logout")
    @Produces({ MediaType.TEXT_HTML, Problem.MEDIA_TYPE, MediaType.APPLICATION_JSON })
    @Operation(summary = "End a browser sign-in (OpenID Connect RP-initiated logout): its refresh tokens are revoked")
    public Response logout(@Context HttpHeaders headers, @QueryParam("id_token_hint") String idTokenHint,
            @QueryParam("client_id") String clientId,
            @QueryParam("post_logout_redirect_uri") String postLogoutRedirectUri, @QueryParam("state") String state,
            @QueryParam("ui_locales") String uiLocales) {
        String language = pages.language(uiLocales, browserLanguages(headers));
        Optional<BrowserSignIn.Logout> logout = signIn.endSession(idTokenHint, clientId, postLogoutRedirectUri);
        if (logout.isEmpty()) {
            return errorPage(headers, language, "badLogout");
        }
        if (logout.get().postLogoutRedirectUri() != null) {
            Map<String, String> answer = new LinkedHashMap<>();
            put(answer, "state", state);
            return Response.seeOther(withQuery(logout.get().postLogoutRedirectUri(), answer))
                    .header(HttpHeaders.CACHE_CONTROL, "no-store").build();
        }
        return secured(Response.ok(pages.render(signedOut, language, Map.of())), null)
                .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).build();
    }

    private Response page(int status, String language, MachineClient client, Map<String, String> fields, String csrf,
            String username, String problem, HttpServerRequest request) {
        return pageBuilder(status, language, client, fields, csrf, username, problem, request).build();
    }

    private Response.ResponseBuilder pageBuilder(int status, String language, MachineClient client,
            Map<String, String> fields, String csrf, String username, String problem, HttpServerRequest request) {
        String base = publicBaseUrl.of(request);
        List<Map<String, String>> hidden = new ArrayList<>();
        fields.forEach((name, value) -> {
            if (!name.equals("ui_locales")) {
                hidden.add(Map.of("name", name, "value", value));
            }
        });
        hidden.add(Map.of("name", "ui_locales", "value", language));
        List<Map<String, String>> languages = new ArrayList<>();
        for (String other : SignInPages.LANGUAGES) {
            Map<String, String> query = new LinkedHashMap<>(fields);
            query.put("ui_locales", other);
            languages.add(Map.of("code", other, "name", pages.languageName(other), "current",
                    Boolean.toString(other.equals(language)), "href", withQuery(base + AUTHORIZE_PATH, query)
                            .toString()));
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("action", base + AUTHORIZE_PATH);
        data.put("client", client.displayName);
        data.put("hidden", hidden);
        data.put("csrf", csrf);
        data.put("username", username == null ? "" : username);
        data.put("problem", problem == null ? "" : problem);
        data.put("languages", languages);
        String body = pages.render(signInPage, language, data);
        NewCookie cookie = new NewCookie.Builder(CSRF_COOKIE).value(csrf).path(AUTHORIZE_PATH).httpOnly(true)
                .secure(true).sameSite(NewCookie.SameSite.STRICT).maxAge(30 * 60).build();
        return secured(Response.status(status).entity(body), origin(fields.get("redirect_uri"))).cookie(cookie)
                .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"));
    }

    /**
     * A 400: the client, its redirect URI or the logout request is not one this gateway may follow, or the form is
     * not one (malformed, repeated fields, too large).
     */
    private Response errorPage(HttpHeaders headers, String language, String reason) {
        String detail = switch (reason) {
            case "badLogout" -> "The logout request is not valid or its post_logout_redirect_uri is not registered"
                    + " for the client.";
            case "badRequest" -> "The form is malformed, repeats a field or is too large.";
            default -> "Unknown or disabled client, or a redirect_uri it has not registered (exact match).";
        };
        return refusedPage(headers, 400, detail, Map.of(), () -> secured(Response.status(400).entity(
                pages.render(signInError, language, Map.of("reason", reason))), null)
                .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).build());
    }

    /** The page for a browser (it asks for text/html), an RFC 9457 problem with the same status for anyone else. */
    private static Response refusedPage(HttpHeaders headers, int status, String detail, Map<String, String> extra,
            Supplier<Response> page) {
        if (wantsHtml(headers)) {
            return page.get();
        }
        Map<String, String> problemHeaders = new LinkedHashMap<>(extra);
        problemHeaders.put(HttpHeaders.CACHE_CONTROL, "no-store");
        String title = switch (status) {
            case 401 -> "Sign-in refused";
            case 429 -> "Too many requests";
            default -> "Invalid sign-in request";
        };
        return Problems.response(status, null, title, detail, AUTHORIZE_PATH, null, problemHeaders);
    }

    private static boolean wantsHtml(HttpHeaders headers) {
        try {
            return headers.getAcceptableMediaTypes().stream()
                    .anyMatch(type -> "text".equals(type.getType()) && "html".equals(type.getSubtype()));
        } catch (RuntimeException e) {
            return false;
        }
    }

    /**
     * No script at all, styles from this origin only, forms only to here (and, since browsers apply form-action
     * to the redirect after the POST, to the client's redirect origin), never in a frame.
     */
    private static Response.ResponseBuilder secured(Response.ResponseBuilder builder, String redirectOrigin) {
        return builder
                .header("Content-Security-Policy", "default-src 'none'; style-src 'self'; img-src 'self';"
                        + " form-action 'self'" + (redirectOrigin == null ? "" : " " + redirectOrigin)
                        + "; frame-ancestors 'none'; base-uri 'none'")
                .header("X-Frame-Options", "DENY")
                .header("X-Content-Type-Options", "nosniff")
                .header("Referrer-Policy", "same-origin")
                .header(HttpHeaders.CACHE_CONTROL, "no-store");
    }

    /** RFC 6749 4.1.2.1: to the registered redirect URI, with the request's state. */
    private static Response redirectError(String redirectUri, BrowserSignIn.RequestError error, String state,
            HttpServerRequest request) {
        Map<String, String> answer = new LinkedHashMap<>();
        answer.put("error", error.error());
        answer.put("error_description", error.description());
        put(answer, "state", state);
        return Response.seeOther(withQuery(redirectUri, answer)).header(HttpHeaders.CACHE_CONTROL, "no-store")
                .build();
    }

    private static BrowserSignIn.AuthorizationRequest authorizationRequest(Map<String, String> fields,
            String prompt) {
        return new BrowserSignIn.AuthorizationRequest(fields.get("response_type"), fields.get("client_id"),
                fields.get("redirect_uri"), fields.get("scope"), fields.get("state"), fields.get("nonce"),
                fields.get("code_challenge"), fields.get("code_challenge_method"), prompt);
    }

    /** {@code uri} with the parameters added to its query (a registered URI may have one already). */
    static URI withQuery(String uri, Map<String, String> parameters) {
        StringBuilder target = new StringBuilder(uri);
        char separator = uri.contains("?") ? '&' : '?';
        for (Map.Entry<String, String> parameter : parameters.entrySet()) {
            target.append(separator).append(encode(parameter.getKey())).append('=')
                    .append(encode(parameter.getValue()));
            separator = '&';
        }
        return URI.create(target.toString());
    }

    private static String origin(String uri) {
        URI parsed = URI.create(uri);
        return parsed.getScheme().toLowerCase(Locale.ROOT) + "://" + parsed.getRawAuthority();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** The browser's languages by preference; a malformed Accept-Language counts as none. */
    private static List<Locale> browserLanguages(HttpHeaders headers) {
        try {
            return headers.getAcceptableLanguages();
        } catch (RuntimeException e) {
            return List.of();
        }
    }

    private static void put(Map<String, String> fields, String name, String value) {
        if (value != null && !value.isEmpty()) {
            fields.put(name, value);
        }
    }

    private static boolean wellFormedCsrf(String value) {
        return value != null && value.matches("[A-Za-z0-9_-]{43}");
    }

    private static String newCsrf() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
