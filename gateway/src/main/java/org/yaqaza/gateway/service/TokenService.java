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
 * The grants of the token endpoint. Every attempt is audited, granted or refused, in the transaction that also
 * counts failures towards the lock-out; refusals commit too (they are answers, not errors).
 */
@ApplicationScoped
public class TokenService {

    public static final String ISSUED = "TOKEN_ISSUED";
    public static final String REFUSED = "TOKEN_REFUSED";
    private static final AuditActor ANONYMOUS = new AuditActor("anonymous", Set.of(), null, null);

    private final UserRepository users;
    private final ClientRepository clients;
    private final CredentialCheck credentials;
    private final TokenIssuer issuer;
    private final AuditTrail audit;
    private final Clock clock;

    public TokenService(UserRepository users, ClientRepository clients, CredentialCheck credentials,
            TokenIssuer issuer, AuditTrail audit, Clock clock) {
        this.users = users;
        this.clients = clients;
        this.credentials = credentials;
        this.issuer = issuer;
        this.audit = audit;
        this.clock = clock;
    }

    /** Client credentials as presented, and whether they came in an HTTP Basic header. */
    public record ClientCredentials(String clientId, String secret, boolean basic) {

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

    public sealed interface Grant permits Granted, Refused {
    }

    public record Granted(TokenIssuer.Issued issued) implements Grant {
    }

    /** {@code clientFailed}: the client's authentication failed (invalid_client), otherwise the grant did. */
    public record Refused(boolean clientFailed) implements Grant {
    }

    @Transactional
    public Grant clientCredentials(ClientCredentials presented) {
        Instant now = clock.instant();
        Optional<MachineClient> client = authenticate(clients, MachineClient.KIND, presented.clientId(),
                presented.secret(), "client_credentials", now);
        if (client.isEmpty()) {
            return new Refused(true);
        }
        return issue(client.get(), "client_credentials", null, now);
    }

    /** The password grant; a client that authenticates as well must succeed first. */
    @Transactional
    public Grant password(ClientCredentials presentedClient, String username, String password) {
        Instant now = clock.instant();
        String clientId = null;
        if (presentedClient != null) {
            Optional<MachineClient> client = authenticate(clients, MachineClient.KIND, presentedClient.clientId(),
                    presentedClient.secret(), "password", now);
            if (client.isEmpty()) {
                return new Refused(true);
            }
            clientId = client.get().clientId;
        }
        String name = username.trim().toLowerCase(Locale.ROOT);
        Optional<DirectoryUser> user = authenticate(users, DirectoryUser.KIND, name, password, "password", now);
        if (user.isEmpty()) {
            return new Refused(false);
        }
        return issue(user.get(), "password", clientId, now);
    }

    private <E extends DirectoryEntry> Optional<E> authenticate(DirectoryRepository<E> repository, String kind,
            String name, String secret, String grant, Instant now) {
        Optional<E> entry = repository.findByNameForUpdate(name);
        CredentialCheck.Result result = entry.isPresent() ? credentials.check(entry.get(), secret, now)
                : credentials.unknown(secret);
        if (result.accepted()) {
            return entry;
        }
        String reason = entry.isEmpty() ? "unknown_" + kind : result.outcome().name().toLowerCase(Locale.ROOT);
        audit.record(ANONYMOUS, REFUSED, kind, printable(name), null,
                "grant=" + grant + "; reason=" + reason
                        + (result.lockedNow() ? "; locked until " + entry.get().lockedUntil : ""));
        return Optional.empty();
    }

    private Grant issue(DirectoryEntry entry, String grant, String viaClient, Instant now) {
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
