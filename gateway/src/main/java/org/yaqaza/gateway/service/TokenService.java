package org.yaqaza.gateway.service;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.yaqaza.common.audit.AuditActor;
import org.yaqaza.common.audit.AuditTrail;
import org.yaqaza.gateway.model.DirectoryEntry;
import org.yaqaza.gateway.model.DirectoryUser;
import org.yaqaza.gateway.model.MachineClient;
import org.yaqaza.gateway.repository.ClientRepository;
import org.yaqaza.gateway.repository.DirectoryRepository;
import org.yaqaza.gateway.repository.UserRepository;

/**
 * The grants of the token endpoint. Every attempt is audited, granted, refused or throttled, in the transaction
 * that also records it for the sign-in throttle; refusals commit too (they are answers, not errors).
 */
@ApplicationScoped
public class TokenService {

    public static final String ISSUED = "TOKEN_ISSUED";
    public static final String REFUSED = "TOKEN_REFUSED";
    private static final AuditActor ANONYMOUS = new AuditActor("anonymous", Set.of(), null, null);

    private final UserRepository users;
    private final ClientRepository clients;
    private final CredentialCheck credentials;
    private final SignInThrottle throttle;
    private final ClientAssertions assertions;
    private final TokenIssuer issuer;
    private final AuditTrail audit;
    private final Clock clock;

    public TokenService(UserRepository users, ClientRepository clients, CredentialCheck credentials,
            SignInThrottle throttle, ClientAssertions assertions, TokenIssuer issuer, AuditTrail audit,
            Clock clock) {
        this.users = users;
        this.clients = clients;
        this.credentials = credentials;
        this.throttle = throttle;
        this.assertions = assertions;
        this.issuer = issuer;
        this.audit = audit;
        this.clock = clock;
    }

    /** How a client authenticated at the token endpoint: a secret, or a private_key_jwt assertion. */
    public sealed interface ClientAuthentication permits ClientCredentials, ClientAssertion {
    }

    /** Client credentials as presented, and whether they came in an HTTP Basic header. */
    public record ClientCredentials(String clientId, String secret, boolean basic) implements ClientAuthentication {

        /**
         * The credentials of an {@code Authorization: Basic} header (RFC 7617: Base64 of {@code id:secret} in
         * UTF-8), or null when it is not one or is malformed: not Base64, no colon, an empty id or an empty secret
         * (no client has one). {@code formEncoded}: id and secret were form-encoded before joining, as OAuth 2 asks
         * of clients at the token endpoint (RFC 6749 2.3.1). The one parser of Basic credentials in the suite: the
         * token endpoint and the TAXII exchange at the edge both use it.
         */
        public static ClientCredentials fromBasicHeader(String authorization, boolean formEncoded) {
            if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
                return null;
            }
            try {
                String decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()),
                        StandardCharsets.UTF_8);
                int colon = decoded.indexOf(':');
                if (colon <= 0 || colon == decoded.length() - 1) {
                    return null;
                }
                String id = decoded.substring(0, colon);
                String secret = decoded.substring(colon + 1);
                return formEncoded
                        ? new ClientCredentials(URLDecoder.decode(id, StandardCharsets.UTF_8),
                                URLDecoder.decode(secret, StandardCharsets.UTF_8), true)
                        : new ClientCredentials(id, secret, true);
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
    }

    /**
     * A private_key_jwt client assertion as presented: the JWT, the {@code client_id} of the form if any, and the
     * audiences that name this token endpoint (its URLs and the issuer).
     */
    public record ClientAssertion(String assertion, String clientId, Set<String> audiences)
            implements ClientAuthentication {
    }

    public sealed interface Grant permits Granted, Refused, Throttled {
    }

    public record Granted(TokenIssuer.Issued issued) implements Grant {
    }

    /** {@code clientFailed}: the client's authentication failed (invalid_client), otherwise the grant did. */
    public record Refused(boolean clientFailed) implements Grant {
    }

    /** Not checked: too many failures from this address, or for this account from unknown addresses. */
    public record Throttled(long retryAfterSeconds) implements Grant {
    }

    /** The client_credentials grant with a secret; {@code address}: the caller's, for the throttle. */
    @Transactional
    public Grant clientCredentials(ClientCredentials presented, String address) {
        Instant now = clock.instant();
        Outcome<MachineClient> client = authenticate(clients, MachineClient.KIND, presented.clientId(),
                presented.secret(), "client_credentials", address, now);
        return client.entry() == null ? client.refusal(true) : issue(client.entry(), "client_credentials", null, now);
    }

    /** The client_credentials grant with a private_key_jwt assertion. */
    @Transactional
    public Grant clientCredentials(ClientAssertion presented) {
        Instant now = clock.instant();
        MachineClient client = authenticate(presented, "client_credentials", now);
        return client == null ? new Refused(true) : issue(client, "client_credentials", null, now);
    }

    /** The password grant; a client that authenticates as well (or null: none) must succeed first. */
    @Transactional
    public Grant password(ClientAuthentication presentedClient, String username, String password, String address) {
        Instant now = clock.instant();
        String clientId = null;
        if (presentedClient instanceof ClientCredentials secret) {
            Outcome<MachineClient> client = authenticate(clients, MachineClient.KIND, secret.clientId(),
                    secret.secret(), "password", address, now);
            if (client.entry() == null) {
                return client.refusal(true);
            }
            clientId = client.entry().clientId;
        } else if (presentedClient instanceof ClientAssertion assertion) {
            MachineClient client = authenticate(assertion, "password", now);
            if (client == null) {
                return new Refused(true);
            }
            clientId = client.clientId;
        }
        String name = username.trim().toLowerCase(Locale.ROOT);
        Outcome<DirectoryUser> user = authenticate(users, DirectoryUser.KIND, name, password, "password", address,
                now);
        return user.entry() == null ? user.refusal(false) : issue(user.entry(), "password", clientId, now);
    }

    /**
     * A person's password, checked as the password grant checks it (same throttling, same audit): for the sign-in
     * page of the authorization endpoint. The user, or null with the refusal.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Outcome<DirectoryUser> checkPassword(String username, String password, String address, Instant now) {
        return authenticate(users, DirectoryUser.KIND, username.trim().toLowerCase(Locale.ROOT), password,
                "authorization_code", address, now);
    }

    /**
     * The client of a grant that redeems what a client was given (a code, a refresh token, a revocation):
     * authenticated when it presents a credential, or a public client by its {@code client_id} alone (it has no
     * credential; PKCE or the token's binding is its proof). Null when refused (invalid_client).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public MachineClient redeemingClient(ClientAuthentication presented, String formClientId, String grant,
            String address, Instant now) {
        if (presented instanceof ClientCredentials secret) {
            Outcome<MachineClient> client = authenticate(clients, MachineClient.KIND, secret.clientId(),
                    secret.secret(), grant, address, now);
            return client.entry();
        }
        if (presented instanceof ClientAssertion assertion) {
            return authenticate(assertion, grant, now);
        }
        Optional<MachineClient> client = formClientId == null ? Optional.empty() : clients.findByName(formClientId);
        if (client.isPresent() && client.get().publicClient && client.get().enabled) {
            return client.get();
        }
        audit.record(ANONYMOUS, REFUSED, MachineClient.KIND, printable(formClientId), null, "grant=" + grant
                + "; reason=" + (client.isEmpty() ? "unknown_client" : client.get().publicClient ? "disabled"
                        : "confidential client without authentication"));
        return null;
    }

    /** An authenticated entry, or why not: a refusal, or a throttled attempt (retry after, in seconds). */
    public record Outcome<E>(E entry, SignInThrottle.Throttled throttled) {
        Grant refusal(boolean clientFailed) {
            return throttled != null ? new Throttled(throttled.retryAfterSeconds()) : new Refused(clientFailed);
        }
    }

    private <E extends DirectoryEntry> Outcome<E> authenticate(DirectoryRepository<E> repository, String kind,
            String name, String secret, String grant, String address, Instant now) {
        // the entry's row lock queues concurrent attempts at one account, so each sees the failures before it
        Optional<E> entry = repository.findByNameForUpdate(name);
        SignInThrottle.Throttled throttled = throttle.check(kind, name, address, now);
        if (throttled != null) {
            audit.record(ANONYMOUS, REFUSED, kind, printable(name), null, "grant=" + grant + "; reason=throttled ("
                    + throttled.reason() + "); retry after " + throttled.retryAfterSeconds() + " s");
            return new Outcome<>(null, throttled);
        }
        CredentialCheck.Outcome result = entry.isPresent() ? credentials.check(entry.get(), secret)
                : credentials.unknown(secret);
        if (result == CredentialCheck.Outcome.ACCEPTED) {
            throttle.succeeded(kind, name, address, now);
            return new Outcome<>(entry.get(), null);
        }
        if (result == CredentialCheck.Outcome.WRONG_SECRET) {
            throttle.failed(kind, name, address, now);
        }
        String reason = entry.isEmpty() ? "unknown_" + kind : result.name().toLowerCase(Locale.ROOT);
        audit.record(ANONYMOUS, REFUSED, kind, printable(name), null, "grant=" + grant + "; reason=" + reason);
        return new Outcome<>(null, null);
    }

    /** A private_key_jwt client: never throttled per account and never counted (keys cannot be guessed). */
    private MachineClient authenticate(ClientAssertion presented, String grant, Instant now) {
        String claimed = null;
        String reason;
        try {
            claimed = assertions.claimedClient(presented.assertion());
            if (presented.clientId() != null && !presented.clientId().equals(claimed)) {
                throw new ClientAssertions.Refused("client_id differs from the assertion's sub");
            }
            Optional<MachineClient> client = clients.findByName(claimed);
            if (client.isEmpty()) {
                throw new ClientAssertions.Refused("unknown_client");
            }
            assertions.verify(client.get(), presented.assertion(), presented.audiences(), now);
            if (!client.get().enabled) {
                throw new ClientAssertions.Refused("disabled");
            }
            return client.get();
        } catch (ClientAssertions.Refused e) {
            reason = e.getMessage();
        }
        String name = claimed != null ? claimed : presented.clientId() != null ? presented.clientId() : "";
        audit.record(ANONYMOUS, REFUSED, MachineClient.KIND, printable(name), null,
                "grant=" + grant + "; method=private_key_jwt; reason=" + reason);
        return null;
    }

    Grant issue(DirectoryEntry entry, String grant, String viaClient, Instant now) {
        TokenIssuer.Issued issued = issuer.issue(entry, now);
        String partner = entry instanceof MachineClient client ? client.partner : null;
        AuditActor actor = new AuditActor(entry.name(), Set.copyOf(Arrays.asList(entry.roles)), entry.agency, partner);
        audit.record(actor, ISSUED, entry.kind(), entry.name(), null,
                "grant=" + grant + (viaClient == null ? "" : "; client=" + viaClient) + "; jti=" + issued.jti()
                        + "; expires=" + issued.expiresAt());
        return new Granted(issued);
    }

    /** Names come from unauthenticated requests: keep audit rows short and free of control characters. */
    private static String printable(String name) {
        String clean = name == null ? "" : name.replaceAll("\\p{Cntrl}", "?");
        return clean.length() > 128 ? clean.substring(0, 128) : clean;
    }
}
