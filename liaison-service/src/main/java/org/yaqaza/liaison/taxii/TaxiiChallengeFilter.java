package org.yaqaza.liaison.taxii;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;

import org.jboss.resteasy.reactive.server.ServerResponseFilter;
import org.yaqaza.liaison.config.LiaisonConfig;

/**
 * A 401 under {@code /taxii2/} names both ways in (RFC 9110 11.6.1: one challenge per scheme), so a TAXII client
 * configured for HTTP Basic knows it may send its client id and secret.
 */
@ApplicationScoped
public class TaxiiChallengeFilter {

    private static final String WWW_AUTHENTICATE = "WWW-Authenticate";

    private final boolean basicEnabled;

    public TaxiiChallengeFilter(LiaisonConfig config) {
        this.basicEnabled = config.taxii().basic().enabled();
    }

    @ServerResponseFilter
    public void challenge(ContainerRequestContext request, ContainerResponseContext response) {
        if (!basicEnabled || response.getStatus() != 401
                || !TaxiiBasicAuthentication.taxiiPath("/" + stripSlash(request.getUriInfo().getPath()))) {
            return;
        }
        List<Object> challenges = response.getHeaders().get(WWW_AUTHENTICATE);
        if (challenges == null || challenges.stream().noneMatch(c -> String.valueOf(c).startsWith("Basic"))) {
            response.getHeaders().add(WWW_AUTHENTICATE, BasicCredentialExchange.CHALLENGE);
        }
    }

    private static String stripSlash(String path) {
        return path.startsWith("/") ? path.substring(1) : path;
    }
}
