package org.yaqaza.gateway.repository;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.yaqaza.common.persistence.Sql;

/** One-time authorization codes, by the SHA-256 of the code (the code itself is never stored). */
@ApplicationScoped
public class AuthorizationCodeRepository {

    /** A stored code: what it is bound to, and whether (and into which token family) it was redeemed. */
    public record StoredCode(String clientId, String username, String redirectUri, String codeChallenge, String nonce,
            String scope, Instant authTime, Instant expiresAt, Instant usedAt, UUID familyId) {
    }

    private final Sql sql;

    public AuthorizationCodeRepository(Sql sql) {
        this.sql = sql;
    }

    public void insert(byte[] codeHash, StoredCode code) {
        Map<String, Object> params = new HashMap<>();
        params.put("hash", codeHash);
        params.put("client", code.clientId());
        params.put("username", code.username());
        params.put("redirect", code.redirectUri());
        params.put("challenge", code.codeChallenge());
        params.put("nonce", code.nonce());
        params.put("scope", code.scope());
        params.put("authTime", code.authTime());
        params.put("expires", code.expiresAt());
        // expired codes go as new ones come: the table holds about a minute of sign-ins
        sql.update("delete from authorization_code where expires_at < :before", Map.of("before",
                code.authTime().minusSeconds(3600)));
        sql.update("insert into authorization_code (code_hash, client_id, username, redirect_uri, code_challenge,"
                + " nonce, scope, auth_time, expires_at) values (:hash, :client, :username, :redirect, :challenge,"
                + " cast(:nonce as text), :scope, :authTime, :expires)", params);
    }

    /** The code, locked until the transaction ends (two redemptions at once: the second waits and sees the first). */
    public StoredCode findForUpdate(byte[] codeHash) {
        return sql.one("select * from authorization_code where code_hash = :hash for update", Map.of("hash",
                codeHash), rs -> new StoredCode(rs.getString("client_id"), rs.getString("username"),
                        rs.getString("redirect_uri"), rs.getString("code_challenge"), rs.getString("nonce"),
                        rs.getString("scope"), instant(rs.getObject("auth_time", OffsetDateTime.class)),
                        instant(rs.getObject("expires_at", OffsetDateTime.class)),
                        instant(rs.getObject("used_at", OffsetDateTime.class)), rs.getObject("family_id", UUID.class)));
    }

    /** Marks the code used; {@code familyId}: the tokens issued from it, or null when the redemption failed. */
    public void markUsed(byte[] codeHash, Instant now, UUID familyId) {
        Map<String, Object> params = new HashMap<>();
        params.put("hash", codeHash);
        params.put("now", now);
        params.put("family", familyId);
        sql.update("update authorization_code set used_at = :now, family_id = cast(:family as uuid)"
                + " where code_hash = :hash", params);
    }

    private static Instant instant(OffsetDateTime value) {
        return value == null ? null : value.toInstant();
    }
}
