package org.yaqaza.gateway.service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.yaqaza.common.audit.AuditActor;
import org.yaqaza.common.audit.AuditTrail;
import org.yaqaza.gateway.config.GatewayConfig;
import org.yaqaza.gateway.model.DirectoryUser;
import org.yaqaza.gateway.model.MachineClient;
import org.yaqaza.gateway.repository.AuthorizationCodeRepository;
import org.yaqaza.gateway.repository.ClientRepository;
import org.yaqaza.gateway.repository.RefreshTokenRepository;
import org.yaqaza.gateway.repository.UserRepository;

/**
 * Browser sign-in (OAuth 2.1 authorization code with PKCE, OpenID Connect): the authorization request's checks,
 * the one-time codes, their redemption into an access token, an ID token and a refresh token, refresh token
 * rotation with reuse detection, revocation (RFC 7009) and logout. One sign-in is one token family: a replayed
 * code or a replayed (already rotated) refresh token revokes the family, its access tokens included.
 */
@ApplicationScoped
public class BrowserSignIn {

    public static final String S256 = "S256";
    /**
     * The scopes granted; {@code openid} is required (this is an OpenID Connect sign-in), others are ignored
     * (OpenID Connect Core 3.1.2.1: scope values not understood SHOULD be ignored).
     */
    public static final List<String> SCOPES = List.of("openid", "profile", "offline_access");
    /** RFC 7636 4.1: 43 to 128 unreserved characters; an S256 challenge is 43 base64url characters. */
    private static final Pattern VERIFIER = Pattern.compile("[A-Za-z0-9._~-]{43,128}");
    private static final Pattern CHALLENGE = Pattern.compile("[A-Za-z0-9_-]{43}");
    private static final int MAX_STATE = 1024;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final AuditActor ANONYMOUS = new AuditActor("anonymous", Set.of(), null, null);

    private final ClientRepository clients;
    private final UserRepository users;
    private final AuthorizationCodeRepository codes;
    private final RefreshTokenRepository refreshTokens;
    private final TokenService tokens;
    private final TokenIssuer issuer;
    private final TokenKeys keys;
    private final AuditTrail audit;
    private final Event<SignInRevoked> revoked;
    private final Clock clock;
    private final GatewayConfig.Token config;

    public BrowserSignIn(ClientRepository clients, UserRepository users, AuthorizationCodeRepository codes,
            RefreshTokenRepository refreshTokens, TokenService tokens, TokenIssuer issuer, TokenKeys keys,
            AuditTrail audit, Event<SignInRevoked> revoked, Clock clock, GatewayConfig config) {
        this.clients = clients;
        this.users = users;
        this.codes = codes;
        this.refreshTokens = refreshTokens;
        this.tokens = tokens;
        this.issuer = issuer;
        this.keys = keys;
        this.audit = audit;
        this.revoked = revoked;
        this.clock = clock;
        this.config = config.token();
        if (config.token().codeLifetime().compareTo(Duration.ofSeconds(60)) > 0
                || config.token().codeLifetime().isNegative() || config.token().codeLifetime().isZero()) {
            throw new IllegalStateException("yaqaza.gateway.token.code-lifetime must be between 1s and 60s");
        }
    }

    /** The parameters of an authorization request (RFC 6749 4.1.1, RFC 7636 4.3, OpenID Connect Core 3.1.2.1). */
    public record AuthorizationRequest(String responseType, String clientId, String redirectUri, String scope,
            String state, String nonce, String codeChallenge, String codeChallengeMethod, String prompt) {
    }

    /** An error of an authorization request that goes back to the client (RFC 6749 4.1.2.1). */
    public record RequestError(String error, String description) {
    }

    /**
     * The client, when {@code clientId} names an enabled client that registered exactly {@code redirectUri}: only
     * then may anything, errors included, be sent to that URI.
     */
    @Transactional
    public Optional<MachineClient> registeredClient(String clientId, String redirectUri) {
        if (clientId == null || redirectUri == null) {
            return Optional.empty();
        }
        return clients.findByName(clientId).filter(c -> c.enabled && Arrays.asList(c.redirectUris)
                .contains(redirectUri));
    }

    /** What is wrong with the request once its client and redirect URI are known good; null when nothing. */
    public static RequestError check(AuthorizationRequest request) {
        if (!"code".equals(request.responseType())) {
            return new RequestError("unsupported_response_type", "Only response_type=code is supported.");
        }
        if (request.codeChallenge() == null) {
            return new RequestError("invalid_request", "PKCE is required: send code_challenge with "
                    + "code_challenge_method=S256.");
        }
        if (!S256.equals(request.codeChallengeMethod())) {
            return new RequestError("invalid_request", "code_challenge_method must be S256 (plain is refused).");
        }
        if (!CHALLENGE.matcher(request.codeChallenge()).matches()) {
            return new RequestError("invalid_request", "code_challenge is not an S256 challenge.");
        }
        List<String> scopes = scopes(request.scope());
        if (!scopes.contains("openid")) {
            return new RequestError("invalid_scope", "The scope must include openid.");
        }
        if (request.state() != null && request.state().length() > MAX_STATE
                || request.nonce() != null && request.nonce().length() > MAX_STATE) {
            return new RequestError("invalid_request", "state and nonce are at most " + MAX_STATE + " characters.");
        }
        if (request.prompt() != null && Arrays.asList(request.prompt().split(" ")).contains("none")) {
            // no single-sign-on session at the gateway: every sign-in shows the page
            return new RequestError("login_required", "The person must sign in.");
        }
        return null;
    }

    /** The outcome of the sign-in form. */
    public sealed interface SignIn permits CodeIssued, WrongCredentials, SignInThrottled, ClientGone {
    }

    /** Signed in: the one-time code to send back to the client's redirect URI. */
    public record CodeIssued(String code) implements SignIn {
    }

    public record WrongCredentials() implements SignIn {
    }

    public record SignInThrottled(long retryAfterSeconds) implements SignIn {
    }

    /** The client or its redirect URI went away while the page was shown. */
    public record ClientGone() implements SignIn {
    }

    /** Checks the person's password (throttled like the token endpoint) and issues a code bound to the request. */
    @Transactional
    public SignIn signIn(AuthorizationRequest request, String username, String password, String address) {
        Instant now = clock.instant();
        if (registeredClient(request.clientId(), request.redirectUri()).isEmpty() || check(request) != null) {
            return new ClientGone();
        }
        TokenService.Outcome<DirectoryUser> user = tokens.checkPassword(username, password, address, now);
        if (user.throttled() != null) {
            return new SignInThrottled(user.throttled().retryAfterSeconds());
        }
        if (user.entry() == null) {
            return new WrongCredentials();
        }
        String code = randomToken();
        // signed in after a change of the account made within this second: the sign-in counts as after it
        Instant validAfter = user.entry().tokensValidAfter;
        Instant authTime = validAfter != null && validAfter.isAfter(now) ? validAfter : now;
        codes.insert(hash(code), new AuthorizationCodeRepository.StoredCode(request.clientId(),
                user.entry().username, request.redirectUri(), request.codeChallenge(), request.nonce(),
                String.join(" ", granted(request.scope())), authTime, now.plus(config.codeLifetime()), null, null));
        audit.record(actor(user.entry()), "AUTHORIZATION_CODE_ISSUED", DirectoryUser.KIND, user.entry().username,
                null, "client=" + request.clientId() + "; redirect_uri=" + request.redirectUri());
        return new CodeIssued(code);
    }

    /** The token endpoint's answer to a browser grant. */
    public sealed interface Answer permits Tokens, Refused {
    }

    /** {@code refreshToken}: opaque, shown once; {@code idToken}: for the client only. */
    public record Tokens(TokenIssuer.Issued access, String idToken, String refreshToken, String scope)
            implements Answer {
    }

    /** {@code clientFailed}: invalid_client (401); else the OAuth error of a 400. */
    public record Refused(boolean clientFailed, String error, String description) implements Answer {
        static Refused grant(String description) {
            return new Refused(false, "invalid_grant", description);
        }
    }

    private static final Refused CLIENT_FAILED = new Refused(true, "invalid_client",
            "Client authentication failed.");

    /** grant_type=authorization_code (RFC 6749 4.1.3, RFC 7636 4.6). */
    @Transactional
    public Answer redeemCode(TokenService.ClientAuthentication presented, String formClientId, String code,
            String redirectUri, String verifier, String address) {
        Instant now = clock.instant();
        MachineClient client = tokens.redeemingClient(presented, formClientId, "authorization_code", address, now);
        if (client == null) {
            return CLIENT_FAILED;
        }
        byte[] codeHash = hash(code);
        AuthorizationCodeRepository.StoredCode stored = codes.findForUpdate(codeHash);
        if (stored == null) {
            return refuse(client, "authorization_code", "unknown code", "The code is not valid.");
        }
        if (stored.usedAt() != null) {
            // OAuth 2.1 4.1.3: a code used twice was stolen or replayed; what was issued from it ends too
            if (stored.familyId() != null) {
                revokeFamily(stored.familyId(), now);
            }
            return refuse(client, "authorization_code", "code replayed; its tokens revoked (user " + stored.username()
                    + ")", "The code was used already.");
        }
        codes.markUsed(codeHash, now, null);
        String why = null;
        if (!now.isBefore(stored.expiresAt())) {
            why = "code expired";
        } else if (!client.clientId.equals(stored.clientId())) {
            why = "code issued to another client";
        } else if (!stored.redirectUri().equals(redirectUri)) {
            why = "redirect_uri differs from the authorization request's";
        } else if (verifier == null || !VERIFIER.matcher(verifier).matches()
                || !MessageDigest.isEqual(s256(verifier).getBytes(StandardCharsets.US_ASCII),
                        stored.codeChallenge().getBytes(StandardCharsets.US_ASCII))) {
            why = "code_verifier does not match the challenge";
        }
        if (why != null) {
            return refuse(client, "authorization_code", why, "The code is not valid for this request.");
        }
        Optional<DirectoryUser> user = usable(stored.username(), stored.authTime());
        if (user.isEmpty()) {
            return refuse(client, "authorization_code", "user disabled or changed since the sign-in",
                    "The account cannot be used now.");
        }
        UUID family = UUID.randomUUID();
        codes.markUsed(codeHash, now, family);
        return issue(user.get(), client, family, stored.scope(), stored.authTime(), stored.nonce(),
                "authorization_code", now);
    }

    /** grant_type=refresh_token (OAuth 2.1 4.3): rotation at every use; a rotated token used again ends the family. */
    @Transactional
    public Answer refresh(TokenService.ClientAuthentication presented, String formClientId, String refreshToken,
            String scope, String address) {
        Instant now = clock.instant();
        MachineClient client = tokens.redeemingClient(presented, formClientId, "refresh_token", address, now);
        if (client == null) {
            return CLIENT_FAILED;
        }
        byte[] tokenHash = hash(refreshToken);
        RefreshTokenRepository.StoredRefresh stored = refreshTokens.findForUpdate(tokenHash);
        if (stored == null || !stored.clientId().equals(client.clientId)) {
            return refuse(client, "refresh_token", "unknown refresh token", "The refresh token is not valid.");
        }
        if (stored.revokedAt() != null) {
            return refuse(client, "refresh_token", "refresh token revoked", "The refresh token is not valid.");
        }
        if (stored.rotatedAt() != null) {
            revokeFamily(stored.familyId(), now);
            return refuse(client, "refresh_token", "rotated refresh token reused; sign-in " + stored.familyId()
                    + " of " + stored.username() + " revoked", "The refresh token is not valid.");
        }
        if (!now.isBefore(stored.expiresAt())) {
            return refuse(client, "refresh_token", "refresh token expired", "The refresh token has expired.");
        }
        if (scope != null && !scopes(stored.scope()).containsAll(scopes(scope))) {
            return new Refused(false, "invalid_scope", "A refresh cannot widen the scope of the sign-in.");
        }
        Optional<DirectoryUser> user = usable(stored.username(), stored.authTime());
        if (user.isEmpty()) {
            // disabled, or what the tokens carry changed since the sign-in: sign in again
            revokeFamily(stored.familyId(), now);
            return refuse(client, "refresh_token", "user disabled or changed since the sign-in",
                    "The account cannot be used now.");
        }
        refreshTokens.markRotated(tokenHash, now);
        return issue(user.get(), client, stored.familyId(), stored.scope(), stored.authTime(), null, "refresh_token",
                now);
    }

    /**
     * RFC 7009: revokes the sign-in of a refresh token (or of an access token issued with one) that belongs to the
     * client; anything else is ignored, as the RFC asks. False: the client's authentication failed.
     */
    @Transactional
    public boolean revoke(TokenService.ClientAuthentication presented, String formClientId, String token,
            String address) {
        Instant now = clock.instant();
        MachineClient client = tokens.redeemingClient(presented, formClientId, "revocation", address, now);
        if (client == null) {
            return false;
        }
        RefreshTokenRepository.StoredRefresh stored = refreshTokens.findForUpdate(hash(token));
        UUID family = stored != null && stored.clientId().equals(client.clientId) ? stored.familyId() : null;
        if (family == null) {
            JwtClaims claims = keys.verifiedClaims(token, config.issuer());
            family = claims == null ? null : refreshTokens.familyOfAccessToken(jti(claims), client.clientId);
        }
        if (family != null) {
            revokeFamily(family, now);
            audit.record(AuditActor.system(client.clientId), "SIGN_IN_REVOKED", MachineClient.KIND, client.clientId,
                    null, "sign-in " + family + " revoked by its client (RFC 7009)");
        }
        return true;
    }

    /** The client a logout names, and where it may send the browser afterwards. */
    public record Logout(String clientId, String postLogoutRedirectUri) {
    }

    /**
     * RP-initiated logout: ends the sign-in named by the ID token hint (its {@code sid}); the post-logout redirect
     * URI is returned only when the hint's client (or {@code clientId}) registered it exactly. Empty: the hint is
     * not ours, names another client than {@code clientId}, or the URI is not registered (show a page instead).
     */
    @Transactional
    public Optional<Logout> endSession(String idTokenHint, String clientId, String postLogoutRedirectUri) {
        Instant now = clock.instant();
        String client = clientId;
        if (idTokenHint != null) {
            JwtClaims claims = keys.verifiedClaims(idTokenHint, config.issuer());
            if (claims == null) {
                return Optional.empty();
            }
            try {
                String audience = claims.getAudience().size() == 1 ? claims.getAudience().get(0) : null;
                if (audience == null || client != null && !client.equals(audience)) {
                    return Optional.empty();
                }
                client = audience;
                String sid = claims.getStringClaimValue("sid");
                if (sid != null) {
                    UUID family = UUID.fromString(sid);
                    if (revokeFamily(family, now) > 0) {
                        audit.record(AuditActor.system(client), "SIGN_OUT", DirectoryUser.KIND, claims.getSubject(),
                                null, "client=" + client + "; sign-in " + family + " ended");
                    }
                }
            } catch (MalformedClaimException | IllegalArgumentException e) {
                return Optional.empty();
            }
        }
        if (postLogoutRedirectUri == null) {
            return Optional.of(new Logout(client, null));
        }
        Optional<MachineClient> registered = client == null ? Optional.empty() : clients.findByName(client);
        return registered.filter(c -> Arrays.asList(c.postLogoutRedirectUris).contains(postLogoutRedirectUri))
                .map(c -> new Logout(c.clientId, postLogoutRedirectUri));
    }

    private Answer issue(DirectoryUser user, MachineClient client, UUID family, String scope, Instant authTime,
            String nonce, String grant, Instant now) {
        TokenService.Granted granted = (TokenService.Granted) tokens.issue(user, grant, client.clientId, now);
        TokenIssuer.Issued access = granted.issued();
        String idToken = issuer.idToken(user, client.clientId, nonce, authTime, family.toString(), now);
        String refreshToken = randomToken();
        Instant refreshEnds = authTime.plus(config.refreshLifetime());
        refreshTokens.insert(hash(refreshToken), new RefreshTokenRepository.StoredRefresh(family, client.clientId,
                user.username, scope, authTime, refreshEnds, access.jti(), access.expiresAt(), null, null), now);
        return new Tokens(access, idToken, refreshToken, scope);
    }

    /** Ends a sign-in: its refresh tokens, and its access tokens at the gateway. The number of refresh tokens ended. */
    private int revokeFamily(UUID family, Instant now) {
        int ended = refreshTokens.revokeFamily(family, now);
        revoked.fire(new SignInRevoked(refreshTokens.liveAccessTokens(family, now)));
        return ended;
    }

    /** The user, if enabled and unchanged since signing in (no revocation of their tokens after it). */
    private Optional<DirectoryUser> usable(String username, Instant authTime) {
        return users.findByName(username).filter(u -> u.enabled
                && (u.tokensValidAfter == null || !u.tokensValidAfter.isAfter(authTime)));
    }

    private Refused refuse(MachineClient client, String grant, String reason, String description) {
        audit.record(ANONYMOUS, TokenService.REFUSED, MachineClient.KIND, client.clientId, null, "grant=" + grant
                + "; reason=" + reason);
        return Refused.grant(description);
    }

    private static AuditActor actor(DirectoryUser user) {
        return new AuditActor(user.username, Set.copyOf(Arrays.asList(user.roles)), user.agency, null);
    }

    private static String jti(JwtClaims claims) {
        try {
            return claims.getJwtId();
        } catch (MalformedClaimException e) {
            return null;
        }
    }

    /** What is granted of a requested scope: the values this server knows, in its order. */
    private static List<String> granted(String scope) {
        List<String> requested = scopes(scope);
        return SCOPES.stream().filter(requested::contains).toList();
    }

    /** The scope's values in order, without repeats. */
    public static List<String> scopes(String scope) {
        if (scope == null || scope.isBlank()) {
            return List.of();
        }
        return List.copyOf(new LinkedHashSet<>(Arrays.asList(scope.trim().split(" +"))));
    }

    /** RFC 7636 4.2: BASE64URL(SHA256(ASCII(code_verifier))), no padding. */
    public static String s256(String verifier) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(sha256(verifier));
    }

    private static byte[] hash(String token) {
        return sha256(token);
    }

    private static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** 256 random bits, base64url: codes and refresh tokens. */
    private static String randomToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
