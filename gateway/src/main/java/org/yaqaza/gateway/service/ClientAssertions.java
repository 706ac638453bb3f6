package org.yaqaza.gateway.service;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.NumericDate;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.jwt.consumer.JwtContext;
import org.jose4j.keys.resolvers.JwksVerificationKeyResolver;
import org.yaqaza.gateway.model.MachineClient;
import org.yaqaza.gateway.repository.AssertionJtiRepository;

/**
 * private_key_jwt client authentication (RFC 7523 section 3, OpenID Connect Core 9): a JWT signed with one of the
 * client's registered keys, RS256 or ES256 only, with {@code iss} = {@code sub} = the client id, an {@code aud}
 * naming the token endpoint or the issuer, an {@code exp} at most five minutes ahead, and a {@code jti} used once.
 * Failures are never counted against the client: nobody can guess a private key, so wrong assertions cannot stop
 * a valid one (the edge's per-address limit still slows a flood).
 */
@ApplicationScoped
public class ClientAssertions {

    public static final String TYPE = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";
    static final Duration MAX_AHEAD = Duration.ofMinutes(5);
    static final int CLOCK_SKEW_SECONDS = 30;
    private static final int MAX_JTI_CHARS = 256;
    private static final JwtConsumer UNVERIFIED = new JwtConsumerBuilder().setSkipAllValidators()
            .setDisableRequireSignature().setSkipSignatureVerification().build();

    /** Why an assertion was refused, for the audit trail only (the client gets invalid_client). */
    public static final class Refused extends Exception {
        public Refused(String reason) {
            super(reason, null, false, false);
        }
    }

    private final AssertionJtiRepository jtis;

    public ClientAssertions(AssertionJtiRepository jtis) {
        this.jtis = jtis;
    }

    /** The client the assertion claims to come from (its unverified {@code sub}); refused when it is no JWT. */
    public String claimedClient(String assertion) throws Refused {
        try {
            String subject = UNVERIFIED.processToClaims(assertion).getSubject();
            if (subject == null || subject.isBlank()) {
                throw new Refused("no sub");
            }
            return subject;
        } catch (InvalidJwtException | MalformedClaimException e) {
            throw new Refused("not a JWT");
        }
    }

    /**
     * Verifies the assertion for {@code client} (enabled, with keys) and spends its jti. {@code audiences}: the
     * token endpoint's URLs and the issuer; one of them must be in {@code aud}.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void verify(MachineClient client, String assertion, Set<String> audiences, Instant now) throws Refused {
        if (client.jwks == null) {
            throw new Refused("client has no registered key");
        }
        JwtContext context;
        try {
            context = UNVERIFIED.process(assertion);
        } catch (InvalidJwtException e) {
            throw new Refused("not a JWT");
        }
        if (context.getJoseObjects().size() != 1
                || !(context.getJoseObjects().get(0) instanceof JsonWebSignature jws)
                || !ClientKeys.ALGORITHMS.contains(jws.getAlgorithmHeaderValue())) {
            throw new Refused("algorithm not RS256 or ES256");
        }
        JwtConsumer consumer = new JwtConsumerBuilder()
                .setJwsAlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT,
                        ClientKeys.ALGORITHMS.toArray(String[]::new))
                .setVerificationKeyResolver(new JwksVerificationKeyResolver(ClientKeys.parse(client.jwks)))
                .setExpectedIssuer(client.clientId)
                .setExpectedSubject(client.clientId)
                .setExpectedAudience(audiences.toArray(String[]::new))
                .setRequireExpirationTime()
                .setRequireJwtId()
                .setAllowedClockSkewInSeconds(CLOCK_SKEW_SECONDS)
                .setEvaluationTime(NumericDate.fromMilliseconds(now.toEpochMilli()))
                .build();
        JwtClaims claims;
        try {
            consumer.processContext(context);
            claims = context.getJwtClaims();
        } catch (InvalidJwtException e) {
            throw new Refused(e.hasExpired() ? "expired" : "signature, issuer, subject or audience not valid");
        }
        try {
            Instant expires = Instant.ofEpochSecond(claims.getExpirationTime().getValue());
            if (expires.isAfter(now.plus(MAX_AHEAD).plusSeconds(CLOCK_SKEW_SECONDS))) {
                throw new Refused("exp more than 5 minutes ahead");
            }
            String jti = claims.getJwtId();
            if (jti.isBlank() || jti.length() > MAX_JTI_CHARS) {
                throw new Refused("jti empty or too long");
            }
            // kept at least as long as a verifier with the allowed skew would still take the assertion
            if (!jtis.claim(client.clientId, jti, expires.plusSeconds(CLOCK_SKEW_SECONDS), now)) {
                throw new Refused("jti replayed");
            }
        } catch (MalformedClaimException e) {
            throw new Refused("malformed exp or jti");
        }
    }
}
