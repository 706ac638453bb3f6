package org.yaqaza.gateway.repository;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.yaqaza.common.persistence.Sql;

/** Refresh tokens by the SHA-256 of the token (the token itself is never stored), grouped in families. */
@ApplicationScoped
public class RefreshTokenRepository {

    /** A stored refresh token and the access token issued with it. */
    public record StoredRefresh(UUID familyId, String clientId, String username, String scope, Instant authTime,
            Instant expiresAt, String accessJti, Instant accessExpiresAt, Instant rotatedAt, Instant revokedAt) {
    }

    /** An access token of a revoked family that has not expired yet: the gateway refuses it by its jti. */
    public record RevokedAccess(String jti, Instant expiresAt) {
    }

    private final Sql sql;

    public RefreshTokenRepository(Sql sql) {
        this.sql = sql;
    }

    public void insert(byte[] tokenHash, StoredRefresh token, Instant issuedAt) {
        sql.update("delete from refresh_token where expires_at < :before", Map.of("before",
                issuedAt.minusSeconds(3600)));
        sql.update("insert into refresh_token (token_hash, family_id, client_id, username, scope, auth_time,"
                + " issued_at, expires_at, access_jti, access_expires_at) values (:hash, :family, :client, :username,"
                + " :scope, :authTime, :issuedAt, :expires, :jti, :jtiExpires)", Map.ofEntries(
                        Map.entry("hash", tokenHash), Map.entry("family", token.familyId()),
                        Map.entry("client", token.clientId()), Map.entry("username", token.username()),
                        Map.entry("scope", token.scope()), Map.entry("authTime", token.authTime()),
                        Map.entry("issuedAt", issuedAt), Map.entry("expires", token.expiresAt()),
                        Map.entry("jti", token.accessJti()), Map.entry("jtiExpires", token.accessExpiresAt())));
    }

    /** The token, locked (two refreshes with one token at once: the second sees it rotated, which is reuse). */
    public StoredRefresh findForUpdate(byte[] tokenHash) {
        return sql.one("select * from refresh_token where token_hash = :hash for update", Map.of("hash", tokenHash),
                rs -> new StoredRefresh(rs.getObject("family_id", UUID.class), rs.getString("client_id"),
                        rs.getString("username"), rs.getString("scope"),
                        instant(rs.getObject("auth_time", OffsetDateTime.class)),
                        instant(rs.getObject("expires_at", OffsetDateTime.class)), rs.getString("access_jti"),
                        instant(rs.getObject("access_expires_at", OffsetDateTime.class)),
                        instant(rs.getObject("rotated_at", OffsetDateTime.class)),
                        instant(rs.getObject("revoked_at", OffsetDateTime.class))));
    }

    public void markRotated(byte[] tokenHash, Instant now) {
        sql.update("update refresh_token set rotated_at = :now where token_hash = :hash", Map.of("hash", tokenHash,
                "now", now));
    }

    /** Revokes every token of the family; returns how many were still good. */
    public int revokeFamily(UUID familyId, Instant now) {
        return sql.update("update refresh_token set revoked_at = :now where family_id = :family"
                + " and revoked_at is null", Map.of("family", familyId, "now", now));
    }

    /** The access tokens issued in the family that are still within their lifetime. */
    public List<RevokedAccess> liveAccessTokens(UUID familyId, Instant now) {
        return sql.query("select access_jti, access_expires_at from refresh_token where family_id = :family"
                + " and access_expires_at > :now", Map.of("family", familyId, "now", now),
                rs -> new RevokedAccess(rs.getString(1), instant(rs.getObject(2, OffsetDateTime.class))));
    }

    /** The sign-in an access token was issued in, if it was issued to {@code clientId} with a refresh token. */
    public UUID familyOfAccessToken(String jti, String clientId) {
        return jti == null ? null : sql.one("select family_id from refresh_token where access_jti = :jti"
                + " and client_id = :client", Map.of("jti", jti, "client", clientId), rs -> rs.getObject(1, UUID.class));
    }

    /** Access tokens of revoked families still within their lifetime (read by every replica). */
    public List<RevokedAccess> revokedAccessTokens(Instant now) {
        return sql.query("select access_jti, access_expires_at from refresh_token where revoked_at is not null"
                + " and access_expires_at > :now", Map.of("now", now),
                rs -> new RevokedAccess(rs.getString(1), instant(rs.getObject(2, OffsetDateTime.class))));
    }

    private static Instant instant(OffsetDateTime value) {
        return value == null ? null : value.toInstant();
    }
}
