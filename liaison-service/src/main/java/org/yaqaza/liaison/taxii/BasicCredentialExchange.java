package org.yaqaza.liaison.taxii;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.jboss.logging.Logger;
import org.yaqaza.common.problem.ProblemException;
import org.yaqaza.liaison.config.LiaisonConfig;

import io.smallrye.mutiny.Uni;

/**
 * Turns a TAXII client's id and secret into a bearer token at the gateway's token service ({@code
 * client_credentials}). This service never stores or checks secrets: the token service does, with its lock-out
 * and rate limits. Answers are cached briefly under an HMAC-SHA-256 of the credentials (keyed with a random
 * per-process key, so neither the secret nor an offline-guessable hash of it is ever held); a refusal is cached
 * too, so a client retrying the same wrong secret does not hammer the token service.
 */
@Singleton
public class BasicCredentialExchange {

    private static final Logger LOG = Logger.getLogger(BasicCredentialExchange.class);
    /** A token is not reused during its last seconds: the request it serves must still find it valid. */
    private static final long EXPIRY_MARGIN_SECONDS = 30;
    static final String CHALLENGE = "Basic realm=\"taxii\", charset=\"UTF-8\"";

    /** A cached answer: a token, or a refusal (token null), until {@code untilNanos}. */
    private record Answer(String token, long untilNanos) {
    }

    private final LiaisonConfig.Basic config;
    private final String tokenUrl;
    private final Duration timeout;
    private final ObjectMapper json;
    private final HttpClient http;
    private final Map<String, Answer> cache = new ConcurrentHashMap<>();
    private final SecretKeySpec fingerprintKey;

    public BasicCredentialExchange(LiaisonConfig config, ObjectMapper json) {
        this.config = config.taxii().basic();
        this.tokenUrl = config.serviceClient().tokenUrl();
        this.timeout = config.serviceClient().timeout();
        this.json = json;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        this.fingerprintKey = new SecretKeySpec(key, "HmacSHA256");
    }

    /** The credentials of an {@code Authorization: Basic} header (RFC 7617, UTF-8); null when malformed. */
    public record Credentials(String clientId, String secret) {
        public static Credentials parse(String authorization) {
            if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
                return null;
            }
            String decoded;
            try {
                decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()),
                        StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return null;
            }
            int colon = decoded.indexOf(':');
            if (colon <= 0 || colon == decoded.length() - 1) {
                return null;
            }
            return new Credentials(decoded.substring(0, colon), decoded.substring(colon + 1));
        }

        @Override
        public String toString() {
            return "Credentials[" + clientId + "]";
        }
    }

    /**
     * A bearer token for these credentials; fails with {@link #refused()} when the token service refuses them,
     * 429 when it rate-limits this service, 503 when it cannot be reached.
     */
    public Uni<String> token(Credentials credentials) {
        String key = fingerprint(credentials);
        Answer cached = cache.get(key);
        if (cached != null) {
            if (cached.untilNanos() - System.nanoTime() > 0) {
                return cached.token() == null ? Uni.createFrom().failure(refused())
                        : Uni.createFrom().item(cached.token());
            }
            cache.remove(key, cached);
        }
        // form fields (client_secret_post): exact for any character, unlike Basic's form-encoding rules
        String form = "grant_type=client_credentials&client_id="
                + URLEncoder.encode(credentials.clientId(), StandardCharsets.UTF_8)
                + "&client_secret=" + URLEncoder.encode(credentials.secret(), StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(URI.create(tokenUrl))
                .timeout(timeout)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build();
        return Uni.createFrom().completionStage(() -> http.sendAsync(request, HttpResponse.BodyHandlers.ofString()))
                .onFailure().transform(e -> {
                    LOG.warnf("token service at %s unreachable for a TAXII Basic sign-in: %s", tokenUrl, e);
                    return unavailable();
                })
                .map(response -> answer(key, credentials, response));
    }

    private String answer(String key, Credentials credentials, HttpResponse<String> response) {
        int status = response.statusCode();
        if (status == 200) {
            JsonNode body;
            try {
                body = json.readTree(response.body());
            } catch (IOException e) {
                throw unavailable();
            }
            String token = body.path("access_token").asText(null);
            if (token == null) {
                throw unavailable();
            }
            long seconds = Math.min(config.cacheFor().toSeconds(),
                    body.path("expires_in").asLong(0) - EXPIRY_MARGIN_SECONDS);
            if (seconds > 0) {
                remember(key, new Answer(token, System.nanoTime() + Duration.ofSeconds(seconds).toNanos()));
            }
            return token;
        }
        if (status == 400 || status == 401) {
            // invalid_client / invalid_grant: unknown client, wrong secret, locked or disabled - one answer
            remember(key, new Answer(null, System.nanoTime() + config.refusedFor().toNanos()));
            LOG.debugf("token service refused TAXII Basic credentials of %s", credentials.clientId());
            throw refused();
        }
        if (status == 429) {
            String retry = response.headers().firstValue("Retry-After").filter(v -> v.matches("[0-9]{1,6}"))
                    .orElse("60");
            throw new ProblemException(429, null, "Too many sign-ins",
                    "The token service is limiting sign-ins; try again later.", null, Map.of("Retry-After", retry));
        }
        LOG.warnf("token service at %s answered %d to a TAXII Basic sign-in", tokenUrl, status);
        throw unavailable();
    }

    private void remember(String key, Answer answer) {
        if (cache.size() >= config.cacheEntries()) {
            // bounded: refills with the active clients at their next request
            cache.clear();
        }
        cache.put(key, answer);
    }

    /** HMAC-SHA-256 of id and secret: the id cannot contain a colon (RFC 7617), so the pair is unambiguous. */
    private String fingerprint(Credentials credentials) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(fingerprintKey);
            byte[] digest = mac.doFinal((credentials.clientId() + ":" + credentials.secret())
                    .getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    /** 401 with the Basic challenge: the same answer for an unknown client, a wrong secret and a locked one. */
    public static ProblemException refused() {
        return new ProblemException(401, null, "Unauthorized", "The client id or secret is not valid.", null,
                Map.of("WWW-Authenticate", CHALLENGE));
    }

    private static ProblemException unavailable() {
        return new ProblemException(503, null, "Service Unavailable",
                "Client id and secret cannot be checked right now; try again shortly, or use a bearer token.", null,
                Map.of("Retry-After", "5"));
    }
}
