package org.yaqaza.console.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;

import org.eclipse.microprofile.rest.client.ext.ClientHeadersFactory;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * Every call to the gateway carries the signed-in user's own access token, so the services apply that user's
 * clearance, compartments and agency. (Quarkus' token-propagation extension does the same; its parent POM is not
 * served by the registry these machines reach, so these few lines stand in for it.)
 */
@ApplicationScoped
public class UserToken implements ClientHeadersFactory {

    private final SecurityIdentity identity;

    public UserToken(SecurityIdentity identity) {
        this.identity = identity;
    }

    @Override
    public MultivaluedMap<String, String> update(MultivaluedMap<String, String> incoming,
            MultivaluedMap<String, String> outgoing) {
        MultivaluedMap<String, String> headers = new MultivaluedHashMap<>();
        AccessTokenCredential token = identity.getCredential(AccessTokenCredential.class);
        if (token != null) {
            headers.putSingle(HttpHeaders.AUTHORIZATION, "Bearer " + token.getToken());
        }
        return headers;
    }
}
