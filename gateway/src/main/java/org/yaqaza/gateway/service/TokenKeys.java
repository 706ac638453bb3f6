package org.yaqaza.gateway.service;

import jakarta.inject.Singleton;

import org.jboss.logging.Logger;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.keys.resolvers.JwksVerificationKeyResolver;
import org.jose4j.lang.JoseException;
import org.yaqaza.gateway.config.GatewayConfig;

import io.quarkus.runtime.Startup;

/** The key ring, loaded (or, locally, created) once at start so that a bad key stops the gateway early. */
@Startup
@Singleton
public class TokenKeys {

    private static final Logger LOG = Logger.getLogger(TokenKeys.class);

    private final KeyRing ring;
    private final String jwks;

    public TokenKeys(GatewayConfig config) {
        GatewayConfig.Token token = config.token();
        this.ring = KeyRing.load(token.keyDirectory(), token.signingKeyId(), token.generateIfMissing());
        this.jwks = ring.jwksJson();
        LOG.infof("token keys %s published; signing with %s",
                ring.keys().stream().map(KeyRing.Key::kid).toList(), ring.signing().kid());
    }

    public KeyRing.Key signing() {
        return ring.signing();
    }

    public String jwks() {
        return jwks;
    }

    /**
     * The claims of a token this gateway signed (any key of the ring, RS256 only), expired or not: for hints such
     * as the end-session endpoint's {@code id_token_hint}; null when it is not one of ours.
     */
    public JwtClaims verifiedClaims(String jwt, String issuer) {
        try {
            JwtClaims claims = new JwtConsumerBuilder()
                    .setJwsAlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT, "RS256")
                    .setVerificationKeyResolver(new JwksVerificationKeyResolver(new JsonWebKeySet(jwks)
                            .getJsonWebKeys()))
                    .setSkipAllDefaultValidators()
                    .build().processToClaims(jwt);
            return issuer.equals(claims.getIssuer()) ? claims : null;
        } catch (InvalidJwtException | JoseException | MalformedClaimException e) {
            return null;
        }
    }
}
