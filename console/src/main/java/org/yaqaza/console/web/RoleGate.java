package org.yaqaza.console.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.NotFoundException;

import io.quarkus.security.identity.SecurityIdentity;

/**
 * Pages that belong to one role (the auditors' and administrators' pages) answer the 404 page to everyone else,
 * word for word the page of a missing address: like a hidden record, a page one may not use is not shown to exist.
 * The API still decides every call; this only keeps the console from offering what would be refused.
 */
@RequestScoped
public class RoleGate {

    private final SecurityIdentity identity;

    public RoleGate(SecurityIdentity identity) {
        this.identity = identity;
    }

    /** The 404 page unless the signed-in user holds {@code role} (a role of the access token). */
    public void require(String role) {
        if (!identity.hasRole(role)) {
            throw new NotFoundException();
        }
    }

    /** The 404 page unless the signed-in user holds one of {@code roles}. */
    public void requireAny(String... roles) {
        for (String role : roles) {
            if (identity.hasRole(role)) {
                return;
            }
        }
        throw new NotFoundException();
    }

    public boolean has(String role) {
        return identity.hasRole(role);
    }

    /**
     * The subject of the access token: what the services record as requester and compare in the four-eyes
     * checks ({@code sub}); null when it cannot be read (then nothing is shown as the user's own).
     */
    public String subject() {
        return AccessTokenClaims.claim(identity, "sub");
    }
}
