package org.yaqaza.gateway.service;

import java.util.List;

import org.yaqaza.gateway.repository.RefreshTokenRepository;

/**
 * Fired (a CDI event, inside the transaction) when one sign-in's tokens stop being good: its authorization code or
 * a rotated refresh token was replayed, it was revoked, or the person logged out. Observed once committed, so that
 * this replica refuses the sign-in's access tokens at once; the others read them within a revocation poll.
 */
public record SignInRevoked(List<RefreshTokenRepository.RevokedAccess> accessTokens) {
}
