package org.yaqaza.common.security;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;

import org.jboss.logging.Logger;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwk.HttpsJwks;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.NumericDate;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.jwt.consumer.JwtContext;
import org.jose4j.keys.resolvers.HttpsJwksVerificationKeyResolver;
import org.yaqaza.common.config.YaqazaConfig;

import io.smallrye.jwt.auth.principal.DefaultJWTCallerPrincipal;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipal;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipalFactory;
import io.smallrye.jwt.auth.principal.ParseException;

/**
 * Verifies every bearer token this service receives: RS256 only, a trusted issuer with its own JWKS, the
 * Yaqaza audience, required exp/iat/sub, bounded lifetime and clock skew, and a size cap. Replaces
 * smallrye-jwt's single-issuer factory so that an organisation's own identity provider can be trusted beside
 * (or instead of) the gateway's token service by configuration alone.
 */
@Singleton
@Alternative
@Priority(1)
public class TokenVerifier extends JWTCallerPrincipalFactory {

    private static final Logger LOG = Logger.getLogger(TokenVerifier.class);
    private static final int MAX_CLOCK_SKEW_SECONDS = 30;

    private final YaqazaConfig.Security config;
    private final Map<String, TrustedIssuer> issuers = new HashMap<>();
    private final JwtConsumer unverifiedReader = new JwtConsumerBuilder()
            .setSkipAllValidators()
            .setDisableRequireSignature()
            .setSkipSignatureVerification()
            .build();

    public TokenVerifier(YaqazaConfig yaqazaConfig) {
        this.config = yaqazaConfig.security();
        int skew = (int) Math.min(MAX_CLOCK_SKEW_SECONDS, config.clockSkew().toSeconds());
        config.issuers().forEach((name, issuer) -> {
            List<String> audiences = new ArrayList<>();
            audiences.add(config.audience());
            issuer.audiences().ifPresent(audiences::addAll);
            HttpsJwks jwks = new HttpsJwks(issuer.jwksUrl());
            jwks.setDefaultCacheDuration(300);
            jwks.setRetainCacheOnErrorDuration(600);
            JwtConsumer consumer = new JwtConsumerBuilder()
                    .setRequireExpirationTime()
                    .setRequireIssuedAt()
                    .setRequireSubject()
                    .setAllowedClockSkewInSeconds(skew)
                    .setExpectedIssuer(issuer.issuer())
                    .setExpectedAudience(true, audiences.toArray(String[]::new))
                    .setJwsAlgorithmConstraints(
                            AlgorithmConstraints.ConstraintType.PERMIT, AlgorithmIdentifiers.RSA_USING_SHA256)
                    .setVerificationKeyResolver(new HttpsJwksVerificationKeyResolver(jwks))
                    .build();
            issuers.put(issuer.issuer(), new TrustedIssuer(issuer, consumer));
        });
    }

    @Override
    public JWTCallerPrincipal parse(String token, JWTAuthContextInfo ignored) throws ParseException {
        return new DefaultJWTCallerPrincipal(token, "JWT", verify(token));
    }

    /** Verifies a token and returns its claims with roles normalised into {@code groups}. */
    public JwtClaims verify(String token) throws ParseException {
        if (token == null || token.isBlank()) {
            throw new ParseException("missing token");
        }
        if (token.getBytes(StandardCharsets.UTF_8).length > config.maxTokenBytes()) {
            throw new ParseException("token larger than " + config.maxTokenBytes() + " bytes");
        }
        try {
            JwtContext unverified = unverifiedReader.process(token);
            String iss = unverified.getJwtClaims().getIssuer();
            TrustedIssuer trusted = iss == null ? null : issuers.get(iss);
            if (trusted == null) {
                throw new ParseException("untrusted issuer");
            }
            trusted.consumer().processContext(unverified);
            JwtClaims claims = unverified.getJwtClaims();
            checkLifetime(claims);
            normaliseRoles(claims, trusted.config());
            if (!claims.hasClaim("agency")) {
                trusted.config().defaultAgency().ifPresent(agency -> claims.setStringClaim("agency", agency));
            }
            return claims;
        } catch (InvalidJwtException | MalformedClaimException e) {
            LOG.debugf("token refused: %s", e.getMessage());
            throw new ParseException("invalid token", e);
        }
    }

    private void checkLifetime(JwtClaims claims) throws MalformedClaimException, ParseException {
        NumericDate exp = claims.getExpirationTime();
        NumericDate iat = claims.getIssuedAt();
        if (exp.getValue() - iat.getValue() > config.maxTokenLifetime().toSeconds()) {
            throw new ParseException("token lifetime exceeds " + config.maxTokenLifetime());
        }
    }

    @SuppressWarnings("unchecked")
    private static void normaliseRoles(JwtClaims claims, YaqazaConfig.Issuer issuer) {
        String path = issuer.rolesClaim();
        if ("groups".equals(path)) {
            return;
        }
        Object value = claims.getClaimsMap();
        for (String part : path.split("\\.")) {
            value = value instanceof Map<?, ?> map ? map.get(part) : null;
        }
        claims.setStringListClaim("groups",
                value instanceof List<?> list ? list.stream().map(String::valueOf).toList() : List.of());
    }

    private record TrustedIssuer(YaqazaConfig.Issuer config, JwtConsumer consumer) {
    }
}
