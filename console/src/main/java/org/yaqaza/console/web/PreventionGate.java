package org.yaqaza.console.web;

import java.util.List;

import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.NotFoundException;

import org.eclipse.microprofile.config.ConfigProvider;

import io.quarkus.security.identity.SecurityIdentity;

/**
 * The prevention firewall as the console applies it to its pages (the API applies it again to every call,
 * {@code PreventionAccess} in prevention-service): prevention officers, and supervisors of the prevention agency
 * ({@code yaqaza.console.prevention-agency}, default {@code MHAI}, as for the approvals inbox: the service's
 * {@code yaqaza.prevention.agency});
 * never anyone who also holds an intelligence, liaison or partner role. Everyone else gets the 404 page, word for
 * word the page of a missing address, so intelligence staff do not even learn which prevention pages exist.
 */
@RequestScoped
public class PreventionGate {

    static final List<String> INTELLIGENCE_ROLES = List.of("analyst", "collector", "liaison-officer", "partner");
    /** Who may ask whether a certificate is valid (the API's rule on {@code /certificates/{n}/validity}). */
    static final List<String> LOOKUP_ROLES = List.of("collector", "analyst", "supervisor", "liaison-officer",
            "prevention-officer", "auditor", "admin");

    private final SecurityIdentity identity;

    public PreventionGate(SecurityIdentity identity) {
        this.identity = identity;
    }

    /** The 404 page unless the user is prevention staff. */
    public void requireStaff() {
        if (!staff(identity)) {
            throw new NotFoundException();
        }
    }

    /** The 404 page unless the API lets the user check a certificate's validity. */
    public void requireLookup() {
        if (!lookup(identity)) {
            throw new NotFoundException();
        }
    }

    /** Whether the user is prevention staff (the service's rule). */
    public boolean staff() {
        return staff(identity);
    }

    /** Whether the user is a prevention supervisor (offered the decision forms; the API decides all the same). */
    public boolean supervisor() {
        return supervisor(identity);
    }

    /**
     * Whether the user is a prevention officer: the API lets officers only create and change programmes, their
     * modules and editions (supervisors decide, they do not build programmes), so only officers get those forms.
     */
    public boolean officer() {
        return staff(identity) && identity.hasRole("prevention-officer");
    }

    /** The subject of the access token ({@code sub}), as the service records requesters; null if unreadable. */
    public String subject() {
        return AccessTokenClaims.claim(identity, "sub");
    }

    public static boolean staff(SecurityIdentity identity) {
        if (identity.isAnonymous()) {
            return false;
        }
        for (String role : INTELLIGENCE_ROLES) {
            if (identity.hasRole(role)) {
                return false;
            }
        }
        return identity.hasRole("prevention-officer") || agencySupervisor(identity);
    }

    /**
     * A supervisor whose token names the prevention agency: the agency half of the firewall, in one place. The
     * prevention pages add the other half ({@link #staff}: no intelligence, liaison or partner role); the approvals
     * inbox asks prevention, and only prevention, for such a supervisor, so that a token the service's firewall
     * refuses (the agency's supervisor who also holds an intelligence role) is told so in a note.
     */
    public static boolean agencySupervisor(SecurityIdentity identity) {
        return !identity.isAnonymous() && identity.hasRole("supervisor")
                && agency().equals(AccessTokenClaims.claim(identity, "agency"));
    }

    /**
     * A supervisor of the prevention agency who is prevention staff: the one rule by which the approvals inbox
     * asks the prevention service (and only it) for what waits for a decision.
     */
    public static boolean supervisor(SecurityIdentity identity) {
        return staff(identity) && identity.hasRole("supervisor");
    }

    public static boolean lookup(SecurityIdentity identity) {
        if (identity.isAnonymous()) {
            return false;
        }
        for (String role : LOOKUP_ROLES) {
            if (identity.hasRole(role)) {
                return true;
            }
        }
        return false;
    }

    private static String agency() {
        return ConfigProvider.getConfig().getOptionalValue("yaqaza.console.prevention-agency", String.class)
                .orElse("MHAI");
    }
}
