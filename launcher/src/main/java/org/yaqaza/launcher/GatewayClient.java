package org.yaqaza.launcher;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.jose4j.json.JsonUtil;
import org.jose4j.jwk.EcJwkGenerator;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.keys.EllipticCurves;
import org.jose4j.lang.JoseException;

/** The few calls the launcher makes to the gateway: tokens and the directory admin API. */
public final class GatewayClient {

    private final String baseUrl;
    private final HttpClient http;

    public GatewayClient(String baseUrl, HttpClient http) {
        this.baseUrl = baseUrl;
        this.http = http;
    }

    /** An access token for a person of the built-in directory ({@code password} grant). */
    public String passwordToken(String username, String password) {
        HttpResponse<String> response = send(tokenRequest(
                form("grant_type", "password") + "&" + form("username", username) + "&" + form("password", password),
                null));
        return accessToken(response, "user " + username);
    }

    /** An access token for a machine client, or empty when its credentials are refused ({@code invalid_client}). */
    public Optional<String> clientToken(String clientId, String secret) {
        String basic = java.util.Base64.getEncoder().encodeToString(
                (URLEncoder.encode(clientId, StandardCharsets.UTF_8) + ":"
                        + URLEncoder.encode(secret, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> response = send(tokenRequest(form("grant_type", "client_credentials"), basic));
        if (response.statusCode() == 401) {
            return Optional.empty();
        }
        return Optional.of(accessToken(response, "client " + clientId));
    }

    /** The client_assertion_type of private_key_jwt (RFC 7523). */
    public static final String ASSERTION_TYPE = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

    /**
     * An access token for a machine client that authenticates with private_key_jwt (RFC 7523): a one-minute
     * assertion signed with its private key (a JWK), a fresh jti each time. The token response's JSON as it came.
     */
    public HttpResponse<String> assertionTokenResponse(String clientId, String privateJwk) {
        return send(tokenRequest(form("grant_type", "client_credentials") + "&"
                + form("client_assertion_type", ASSERTION_TYPE) + "&"
                + form("client_assertion", clientAssertion(clientId, privateJwk, baseUrl + "/auth/token")), null));
    }

    /** The access token of {@link #assertionTokenResponse}. */
    public String assertionToken(String clientId, String privateJwk) {
        return accessToken(assertionTokenResponse(clientId, privateJwk), "client " + clientId);
    }

    /** A signed client assertion: iss = sub = the client, aud = the token endpoint, valid for one minute. */
    public static String clientAssertion(String clientId, String privateJwk, String audience) {
        try {
            PublicJsonWebKey key = PublicJsonWebKey.Factory.newPublicJwk(privateJwk);
            JwtClaims claims = new JwtClaims();
            claims.setIssuer(clientId);
            claims.setSubject(clientId);
            claims.setAudience(audience);
            claims.setIssuedAtToNow();
            claims.setExpirationTimeMinutesInTheFuture(1);
            claims.setJwtId(UUID.randomUUID().toString());
            JsonWebSignature jws = new JsonWebSignature();
            jws.setPayload(claims.toJson());
            jws.setKey(key.getPrivateKey());
            jws.setKeyIdHeaderValue(key.getKeyId());
            jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256);
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new LauncherException("the client key is not a usable EC P-256 JWK: " + e.getMessage(), e);
        }
    }

    /** A new EC P-256 key pair as a private JWK (JSON) with a random kid: a partner's private_key_jwt key. */
    public static String newClientKey() {
        try {
            PublicJsonWebKey key = EcJwkGenerator.generateJwk(EllipticCurves.P256);
            key.setKeyId(UUID.randomUUID().toString());
            return key.toJson(JsonWebKey.OutputControlLevel.INCLUDE_PRIVATE);
        } catch (JoseException e) {
            throw new IllegalStateException("EC P-256 key generation is part of every Java runtime", e);
        }
    }

    /** The public half of a private JWK as a JWK Set, as the gateway stores and shows it. */
    public static Map<String, Object> publicKeySet(String privateJwk) {
        try {
            return JsonUtil.parseJson(new JsonWebKeySet(PublicJsonWebKey.Factory.newPublicJwk(privateJwk))
                    .toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY));
        } catch (JoseException e) {
            throw new LauncherException("the client key is not a usable JWK: " + e.getMessage(), e);
        }
    }

    /** A JSON object answer, parsed; empty when the body is not one. */
    static Map<String, Object> jsonObject(String body) {
        try {
            return JsonUtil.parseJson(body);
        } catch (JoseException | RuntimeException e) {
            return Map.of();
        }
    }

    /** GET with a bearer token; the status and body. */
    public HttpResponse<String> get(String path, String token) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token).header("Accept", "application/json").GET().build());
    }

    /** POST of a JSON object with a bearer token; the status and body. */
    public HttpResponse<String> postJson(String path, String token, Map<String, ?> body) {
        return sendJson("POST", path, token, body);
    }

    /** PUT of a JSON object with a bearer token; the status and body. */
    public HttpResponse<String> putJson(String path, String token, Map<String, ?> body) {
        return sendJson("PUT", path, token, body, null);
    }

    /** PUT of a JSON object with a bearer token, replacing the version {@code ifMatch} (an ETag). */
    public HttpResponse<String> putJson(String path, String token, Map<String, ?> body, String ifMatch) {
        return sendJson("PUT", path, token, body, ifMatch);
    }

    private HttpResponse<String> sendJson(String method, String path, String token, Map<String, ?> body) {
        return sendJson(method, path, token, body, null);
    }

    private HttpResponse<String> sendJson(String method, String path, String token, Map<String, ?> body,
            String ifMatch) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(JsonUtil.toJson(body), StandardCharsets.UTF_8));
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return send(request.build());
    }

    private HttpRequest tokenRequest(String form, String basic) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + "/auth/token"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(form, StandardCharsets.UTF_8));
        if (basic != null) {
            builder.header("Authorization", "Basic " + basic);
        }
        return builder.build();
    }

    private static String accessToken(HttpResponse<String> response, String who) {
        if (response.statusCode() != 200) {
            throw new LauncherException("the gateway refused a token for " + who + ": HTTP " + response.statusCode()
                    + " " + response.body());
        }
        try {
            Object token = JsonUtil.parseJson(response.body()).get("access_token");
            if (token instanceof String value) {
                return value;
            }
        } catch (JoseException e) {
            // reported below
        }
        throw new LauncherException("the gateway answered the token request for " + who + " without access_token");
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new LauncherException("could not reach the gateway at " + request.uri() + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LauncherException("interrupted while calling the gateway");
        }
    }

    private static String form(String name, String value) {
        return URLEncoder.encode(name, StandardCharsets.UTF_8) + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
