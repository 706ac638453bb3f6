package org.yaqaza.gateway.service;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import jakarta.inject.Singleton;

import org.yaqaza.gateway.config.GatewayConfig;
import org.yaqaza.gateway.model.DirectoryEntry;
import org.yaqaza.gateway.model.DirectoryUser;
import org.yaqaza.gateway.model.MachineClient;

import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;

/**
 * Signs access tokens with the claims of the security model (RS256, kid, ≤ 15 minutes), and the ID tokens of
 * browser sign-ins (OpenID Connect Core 2: for the client, not for the services).
 */
@Singleton
public class TokenIssuer {

    static final Duration MAX_LIFETIME = Duration.ofMinutes(15);

    private final TokenKeys keys;
    private final GatewayConfig.Token config;

    public TokenIssuer(TokenKeys keys, GatewayConfig config) {
        this.keys = keys;
        this.config = config.token();
        Duration lifetime = this.config.lifetime();
        if (lifetime.isNegative() || lifetime.isZero() || lifetime.compareTo(MAX_LIFETIME) > 0) {
            throw new IllegalStateException("yaqaza.gateway.token.lifetime must be between 1s and 15m");
        }
    }

    public record Issued(String token, String jti, Instant issuedAt, Instant expiresAt, long expiresIn) {
    }

    public Issued issue(DirectoryEntry entry, Instant now) {
        Instant issuedAt = Instant.ofEpochSecond(now.getEpochSecond());
        // a token issued within the second its entry changed must not look older than the change (whole seconds)
        if (entry.tokensValidAfter != null && entry.tokensValidAfter.isAfter(issuedAt)) {
            issuedAt = entry.tokensValidAfter;
        }
        Instant expiresAt = issuedAt.plus(config.lifetime());
        String jti = UUID.randomUUID().toString();
        Set<String> roles = new TreeSet<>(Arrays.asList(entry.roles));
        List<String> compartments = new TreeSet<>(Arrays.asList(entry.compartments)).stream().toList();
        JwtClaimsBuilder claims = Jwt.claims()
                .issuer(config.issuer())
                .subject(entry.name())
                .upn(entry.name())
                .audience(config.audience())
                .issuedAt(issuedAt)
                .expiresAt(expiresAt)
                .claim("jti", jti)
                .groups(roles)
                .claim("clearance", entry.clearance.name())
                .claim("compartments", compartments)
                .claim("agency", entry.agency);
        if (entry instanceof MachineClient client && client.partner != null) {
            claims.claim("partner", client.partner);
        }
        return new Issued(sign(claims), jti, issuedAt, expiresAt, config.lifetime().toSeconds());
    }

    /**
     * An ID token: who signed in, when, for which client ({@code aud} and {@code azp}), bound to the client's
     * {@code nonce} when it sent one; {@code sid} names the sign-in, which the end-session endpoint ends.
     */
    public String idToken(DirectoryUser user, String clientId, String nonce, Instant authTime, String sid,
            Instant now) {
        Instant issuedAt = Instant.ofEpochSecond(now.getEpochSecond());
        JwtClaimsBuilder claims = Jwt.claims()
                .issuer(config.issuer())
                .subject(user.username)
                .audience(clientId)
                .issuedAt(issuedAt)
                .expiresAt(issuedAt.plus(config.lifetime()))
                .claim("auth_time", authTime.getEpochSecond())
                .claim("azp", clientId)
                .claim("sid", sid)
                .claim("preferred_username", user.username)
                // the roles, as in the access token: OIDC web apps (quarkus-oidc) read roles from the ID token
                .groups(new TreeSet<>(Arrays.asList(user.roles)))
                .claim("name", user.displayName);
        if (nonce != null) {
            claims.claim("nonce", nonce);
        }
        return sign(claims);
    }

    private String sign(JwtClaimsBuilder claims) {
        KeyRing.Key key = keys.signing();
        return claims.jws().keyId(key.kid()).algorithm(SignatureAlgorithm.RS256).sign(key.privateKey());
    }
}
