package org.yaqaza.liaison.taxii;

import java.util.Optional;
import java.util.Set;

import jakarta.inject.Singleton;

import org.yaqaza.liaison.config.LiaisonConfig;

import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.smallrye.jwt.runtime.auth.JsonWebTokenCredential;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpCredentialTransport;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;

/**
 * TAXII clients that only speak HTTP Basic: on {@code /taxii2/**} only, the client id and secret are exchanged at
 * the gateway's token service and the token it returns is then verified exactly like a bearer token (the same
 * identity provider, so the same claims, roles and partner checks). Everywhere else Basic is not looked at.
 */
@Singleton
public class TaxiiBasicAuthentication implements HttpAuthenticationMechanism {

    static final String PREFIX = "/taxii2";

    private final BasicCredentialExchange exchange;
    private final boolean enabled;

    public TaxiiBasicAuthentication(BasicCredentialExchange exchange, LiaisonConfig config) {
        this.exchange = exchange;
        this.enabled = config.taxii().basic().enabled();
    }

    static boolean taxiiPath(String path) {
        return path != null && (path.equals(PREFIX) || path.startsWith(PREFIX + "/"));
    }

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identities) {
        String authorization = context.request().getHeader(HttpHeaders.AUTHORIZATION);
        if (!enabled || authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)
                || !taxiiPath(context.normalizedPath())) {
            return Uni.createFrom().optional(Optional.empty());
        }
        BasicCredentialExchange.Credentials credentials = BasicCredentialExchange.Credentials.parse(authorization);
        if (credentials == null) {
            return Uni.createFrom().failure(BasicCredentialExchange.refused());
        }
        return exchange.token(credentials).flatMap(token -> identities.authenticate(
                HttpSecurityUtils.setRoutingContextAttribute(
                        new TokenAuthenticationRequest(new JsonWebTokenCredential(token)), context)));
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return Uni.createFrom().item(new ChallengeData(401, "WWW-Authenticate",
                BasicCredentialExchange.CHALLENGE));
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(TokenAuthenticationRequest.class);
    }

    @Override
    public Uni<HttpCredentialTransport> getCredentialTransport(RoutingContext context) {
        return Uni.createFrom().item(new HttpCredentialTransport(HttpCredentialTransport.Type.AUTHORIZATION,
                "basic"));
    }
}
