package org.yaqaza.common.security;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;

import jakarta.enterprise.context.RequestScoped;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * The request's {@link Caller}, built once from the verified token; unknown or missing security claims give the
 * most restrictive values. Inject this (a request-scoped proxy) rather than a {@code Caller}: resources are
 * singletons.
 */
@RequestScoped
public class CurrentCaller {

    private final SecurityIdentity identity;
    private final JsonWebToken token;
    private Caller caller;

    public CurrentCaller(SecurityIdentity identity, JsonWebToken token) {
        this.identity = identity;
        this.token = token;
    }

    /** The verified caller; 401 if the request carries no valid token. */
    public Caller get() {
        if (caller == null) {
            if (identity.isAnonymous() || token.getRawToken() == null) {
                throw new UnauthorizedException();
            }
            caller = fromToken(token);
        }
        return caller;
    }

    /**
     * Work that no HTTP request is behind (a demo seeder) acts as this caller within a request context it activated
     * itself: services, visibility and the audit trail then see the caller as they would see a verified one. Refused
     * when the request carries an authenticated identity, so a request can never change who it acts for.
     */
    public void actAs(Caller acting) {
        if (!identity.isAnonymous()) {
            throw new IllegalStateException("an authenticated request cannot act as another caller");
        }
        caller = acting;
    }

    public static Caller fromToken(JsonWebToken token) {
        Set<String> roles = new HashSet<>(token.getGroups() == null ? Set.of() : token.getGroups());
        Classification clearance = Classification.parseOrNull(stringClaim(token, "clearance"));
        return new Caller(
                token.getSubject(),
                roles,
                clearance == null ? Classification.UNCLASSIFIED : clearance,
                new TreeSet<>(stringList(token.getClaim("compartments"))),
                stringClaim(token, "agency"),
                stringClaim(token, "partner"));
    }

    private static String stringClaim(JsonWebToken token, String name) {
        Object value = token.getClaim(name);
        if (value == null) {
            return null;
        }
        if (value instanceof jakarta.json.JsonString json) {
            return json.getString();
        }
        return value.toString();
    }

    private static Set<String> stringList(Object value) {
        Set<String> result = new TreeSet<>();
        if (value instanceof jakarta.json.JsonArray array) {
            array.forEach(v -> result.add(v instanceof jakarta.json.JsonString s ? s.getString() : v.toString()));
        } else if (value instanceof Collection<?> collection) {
            collection.forEach(v -> result.add(String.valueOf(v)));
        } else if (value instanceof String s && !s.isBlank()) {
            result.add(s);
        }
        result.removeIf(code -> !ProtectedRecord.COMPARTMENT_CODE.matcher(code).matches());
        return result;
    }
}
