package org.yaqaza.gateway.proxy;

/**
 * What the edge knows of a forwarded request's verified token: whose it is, when it was issued and expires, and
 * whether the gateway's own token service issued it (only those can be revoked: by the directory, or by its jti
 * when its sign-in was revoked).
 */
public record VerifiedToken(String subject, String jti, long issuedAtSeconds, long expiresAtMillis,
        boolean builtin) {

    /** Key of the routing context's attribute holding it. */
    public static final String KEY = "yaqaza.verifiedToken";
}
