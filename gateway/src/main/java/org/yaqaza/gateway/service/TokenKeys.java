package org.yaqaza.gateway.service;

import jakarta.inject.Singleton;

import org.jboss.logging.Logger;
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
}
