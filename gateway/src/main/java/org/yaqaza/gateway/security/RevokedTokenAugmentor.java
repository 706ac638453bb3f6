package org.yaqaza.gateway.security;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.yaqaza.gateway.config.GatewayConfig;
import org.yaqaza.gateway.service.TokenRevocations;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.smallrye.mutiny.Uni;

/**
 * The gateway's own APIs (directory admin, audit, dashboard) refuse a token the directory has revoked, like the
 * edge does for forwarded routes: a disabled administrator's still-unexpired token administers nothing (401).
 */
@ApplicationScoped
public class RevokedTokenAugmentor implements SecurityIdentityAugmentor {

    private final TokenRevocations revocations;
    private final String builtinIssuer;

    public RevokedTokenAugmentor(TokenRevocations revocations, GatewayConfig config) {
        this.revocations = revocations;
        this.builtinIssuer = config.token().issuer();
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.getPrincipal() instanceof JsonWebToken token && builtinIssuer.equals(token.getIssuer())
                && revocations.revoked(token.getSubject(), token.getTokenID(), token.getIssuedAtTime())) {
            return Uni.createFrom().failure(new AuthenticationFailedException("token revoked by the directory"));
        }
        return Uni.createFrom().item(identity);
    }
}
