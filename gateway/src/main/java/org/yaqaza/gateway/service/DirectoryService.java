package org.yaqaza.gateway.service;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;

import org.hibernate.exception.ConstraintViolationException;
import org.yaqaza.common.audit.AuditActor;
import org.yaqaza.common.audit.AuditTrail;
import org.yaqaza.common.persistence.Page;
import org.yaqaza.common.persistence.PageRequest;
import org.yaqaza.common.persistence.Versions;
import org.yaqaza.common.problem.Problem;
import org.yaqaza.common.problem.ProblemException;
import org.yaqaza.common.security.Caller;
import org.yaqaza.common.security.Classification;
import org.yaqaza.common.security.FourEyes;
import org.yaqaza.common.security.Role;
import org.yaqaza.gateway.api.ClientCreate;
import org.yaqaza.gateway.api.ClientUpdate;
import org.yaqaza.gateway.api.UserCreate;
import org.yaqaza.gateway.api.UserUpdate;
import org.yaqaza.gateway.model.DirectoryChange;
import org.yaqaza.gateway.model.DirectoryChangePayload;
import org.yaqaza.gateway.model.DirectoryEntry;
import org.yaqaza.gateway.model.DirectoryUser;
import org.yaqaza.gateway.model.MachineClient;
import org.yaqaza.gateway.repository.ClientRepository;
import org.yaqaza.gateway.repository.DirectoryChangeRepository;
import org.yaqaza.gateway.repository.DirectoryRepository;
import org.yaqaza.gateway.repository.UserRepository;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Administration of the directory. Users and clients share one namespace, since either name becomes a token
 * subject. Every change is audited with the values before and after (never a secret).
 * <p>
 * Four-eyes (issue 16): a change that grants a clearance above RESTRICTED, a compartment or the admin role, and
 * setting the credential of another account (any user's password; a client's secret or keys when the client holds
 * such grants), is not applied but kept as a pending {@link DirectoryChange} until a second administrator
 * approves it. Nobody, requester or approver, grants more than they hold ({@link GrantRules}). Disabling, lowering
 * and lifting sign-in throttling are applied at once: taking access away is never held back.
 */
@ApplicationScoped
public class DirectoryService {

    /** Roles that only machine clients may hold. */
    private static final Set<String> CLIENT_ONLY_ROLES = Set.of(Role.PARTNER, Role.SERVICE);

    /** Applied now, or waiting for a second administrator. */
    public sealed interface Outcome<T> permits Done, Pending {
    }

    public record Done<T>(T value) implements Outcome<T> {
    }

    /** {@code generatedSecret}: a client secret generated for the change, shown to the requester only, once. */
    public record Pending<T>(DirectoryChange change, String generatedSecret) implements Outcome<T> {
    }

    /** A new client and the generated secret when none was given (shown once, stored only as a hash). */
    public record CreatedClient(MachineClient client, String generatedSecret) {
    }

    private final UserRepository users;
    private final ClientRepository clients;
    private final DirectoryChangeRepository changes;
    private final SignInThrottle throttle;
    private final PasswordHasher hasher;
    private final AuditTrail audit;
    private final Clock clock;
    private final ObjectMapper json;
    private final Event<TokensRevoked> revoked;

    public DirectoryService(UserRepository users, ClientRepository clients, DirectoryChangeRepository changes,
            SignInThrottle throttle, PasswordHasher hasher, AuditTrail audit, Clock clock, ObjectMapper json,
            Event<TokensRevoked> revoked) {
        this.users = users;
        this.clients = clients;
        this.changes = changes;
        this.throttle = throttle;
        this.hasher = hasher;
        this.audit = audit;
        this.clock = clock;
        this.json = json;
        this.revoked = revoked;
    }

    // ---- users

    @Transactional
    public Outcome<DirectoryUser> createUser(Caller caller, UserCreate request) {
        String username = request.username().toLowerCase(Locale.ROOT);
        List<Problem.FieldError> errors = new ArrayList<>();
        checkUserRoles(request.roles(), errors);
        if (request.password().equalsIgnoreCase(username)) {
            errors.add(new Problem.FieldError("password", "must not be the username"));
        }
        refuse(errors);
        ensureNameFree(username);
        DirectoryChangePayload payload = new DirectoryChangePayload(request.displayName().strip(), request.roles(),
                request.clearance(), orEmpty(request.compartments()), request.agency(), null,
                request.enabled() == null || request.enabled(), hasher.hash(request.password()), null, null, null,
                null);
        GrantRules.Grants requested = grants(payload);
        GrantRules.requireMayGrant(caller, null, requested);
        List<String> reasons = GrantRules.fourEyesReasons(null, requested);
        if (reasons.isEmpty()) {
            return new Done<>(insertUser(AuditActor.of(caller), username, payload, ""));
        }
        return pending(caller, DirectoryUser.KIND, username, DirectoryChange.Action.CREATE_USER, payload, null, null,
                reasons, null);
    }

    /** The bootstrap's first administrators: created by the system at first start, before anyone could approve. */
    @Transactional
    public DirectoryUser createBootstrapAdmin(String username, String password, Classification clearance,
            Set<String> compartments, String agency) {
        ensureNameFree(username);
        return insertUser(AuditActor.system("bootstrap"), username, new DirectoryChangePayload(
                "Bootstrap administrator", Set.of(Role.ADMIN), clearance.name(), compartments, agency, null, true,
                hasher.hash(password), null, null, null, null), "");
    }

    public Page<DirectoryUser> listUsers(PageRequest page) {
        return users.page(page);
    }

    public DirectoryUser getUser(String username) {
        return users.findByName(username.toLowerCase(Locale.ROOT))
                .orElseThrow(() -> ProblemException.notFound("User", username));
    }

    @Transactional
    public Outcome<DirectoryUser> updateUser(Caller caller, String username, UserUpdate request,
            Long expectedVersion) {
        DirectoryUser user = getUser(username);
        Versions.require(expectedVersion, user.version, "user");
        List<Problem.FieldError> errors = new ArrayList<>();
        checkUserRoles(request.roles(), errors);
        refuse(errors);
        DirectoryChangePayload payload = new DirectoryChangePayload(request.displayName().strip(), request.roles(),
                request.clearance(), request.compartments(), request.agency(), null, request.enabled(), null, null,
                null, null, null);
        GrantRules.Grants old = grants(user);
        GrantRules.requireMayGrant(caller, old, grants(payload));
        List<String> reasons = GrantRules.fourEyesReasons(old, grants(payload));
        if (reasons.isEmpty()) {
            return new Done<>(applyUpdate(AuditActor.of(caller), user, payload, ""));
        }
        return pending(caller, DirectoryUser.KIND, user.username, DirectoryChange.Action.UPDATE_USER, payload,
                describe(user), user.version, reasons, null);
    }

    /**
     * Sets a new password; also lifts the account's sign-in throttling and ends its earlier tokens. One's own is
     * set at once; another user's waits for a second administrator.
     */
    @Transactional
    public Outcome<Void> setPassword(Caller caller, String username, String password) {
        DirectoryUser user = getUser(username);
        if (password.equalsIgnoreCase(user.username)) {
            refuse(List.of(new Problem.FieldError("password", "must not be the username")));
        }
        DirectoryChangePayload payload = DirectoryChangePayload.credential(hasher.hash(password), null);
        if (user.username.equals(caller.subject())) {
            applyCredential(AuditActor.of(caller), user, payload, "");
            return new Done<>(null);
        }
        GrantRules.requireDominates(caller, grants(user));
        return pending(caller, DirectoryUser.KIND, user.username, DirectoryChange.Action.SET_PASSWORD, payload,
                describe(user), null, List.of("sets the password of another user"), null);
    }

    @Transactional
    public DirectoryUser disableUser(Caller caller, String username) {
        return disable(AuditActor.of(caller), getUser(username));
    }

    /** Lifts the account's sign-in throttling (the path keeps its old name, "unlock"). */
    @Transactional
    public DirectoryUser unlockUser(Caller caller, String username) {
        return clearThrottle(AuditActor.of(caller), getUser(username));
    }

    // ---- clients

    @Transactional
    public Outcome<CreatedClient> createClient(Caller caller, ClientCreate request) {
        List<Problem.FieldError> errors = new ArrayList<>();
        checkPartner(request.roles(), request.partner(), errors);
        boolean publicClient = Boolean.TRUE.equals(request.publicClient());
        if (publicClient) {
            checkPublicClient(request, errors);
        } else if (request.partner() != null && request.jwks() == null && request.secret() == null) {
            errors.add(new Problem.FieldError("jwks", "a partner system authenticates with private_key_jwt: register "
                    + "its public key here, or give a secret to have it use a client secret instead"));
        }
        refuse(errors);
        ensureNameFree(request.clientId());
        String jwks = request.jwks() == null ? null : ClientKeys.normalise(request.jwks());
        // keys alone need no secret; without keys or a chosen secret, one is generated
        String generated = request.secret() == null && jwks == null && !publicClient ? PasswordHasher.generateSecret()
                : null;
        String secret = request.secret() != null ? request.secret() : generated;
        DirectoryChangePayload payload = new DirectoryChangePayload(request.displayName().strip(), request.roles(),
                request.clearance(), orEmpty(request.compartments()), request.agency(), request.partner(),
                request.enabled() == null || request.enabled(), secret == null ? null : hasher.hash(secret), jwks,
                publicClient, orEmpty(request.redirectUris()), orEmpty(request.postLogoutRedirectUris()));
        GrantRules.Grants requested = grants(payload);
        GrantRules.requireMayGrant(caller, null, requested);
        List<String> reasons = GrantRules.fourEyesReasons(null, requested);
        if (reasons.isEmpty()) {
            return new Done<>(new CreatedClient(insertClient(AuditActor.of(caller), request.clientId(), payload, ""),
                    generated));
        }
        return pending(caller, MachineClient.KIND, request.clientId(), DirectoryChange.Action.CREATE_CLIENT, payload,
                null, null, reasons, generated);
    }

    public Page<MachineClient> listClients(PageRequest page) {
        return clients.page(page);
    }

    public MachineClient getClient(String clientId) {
        return clients.findByName(clientId).orElseThrow(() -> ProblemException.notFound("Client", clientId));
    }

    @Transactional
    public Outcome<MachineClient> updateClient(Caller caller, String clientId, ClientUpdate request,
            Long expectedVersion) {
        MachineClient client = getClient(clientId);
        Versions.require(expectedVersion, client.version, "client");
        List<Problem.FieldError> errors = new ArrayList<>();
        checkPartner(request.roles(), request.partner(), errors);
        refuse(errors);
        DirectoryChangePayload payload = new DirectoryChangePayload(request.displayName().strip(), request.roles(),
                request.clearance(), request.compartments(), request.agency(), request.partner(), request.enabled(),
                null, null, null, request.redirectUris(), request.postLogoutRedirectUris());
        GrantRules.Grants old = grants(client);
        GrantRules.requireMayGrant(caller, old, grants(payload));
        List<String> reasons = GrantRules.fourEyesReasons(old, grants(payload));
        if (reasons.isEmpty()) {
            return new Done<>(applyUpdate(AuditActor.of(caller), client, payload, ""));
        }
        return pending(caller, MachineClient.KIND, client.clientId, DirectoryChange.Action.UPDATE_CLIENT, payload,
                describe(client), client.version, reasons, null);
    }

    /** Sets (or, given null, generates) a new secret; the generated one is in the outcome, shown once. */
    @Transactional
    public Outcome<String> setSecret(Caller caller, String clientId, String secret) {
        MachineClient client = getClient(clientId);
        String generated = secret == null ? PasswordHasher.generateSecret() : null;
        DirectoryChangePayload payload = DirectoryChangePayload.credential(
                hasher.hash(secret == null ? generated : secret), null);
        return setClientCredential(caller, client, DirectoryChange.Action.SET_SECRET, payload, generated);
    }

    /** Replaces the client's private_key_jwt keys. */
    @Transactional
    public Outcome<String> setKeys(Caller caller, String clientId, Map<String, Object> jwks) {
        MachineClient client = getClient(clientId);
        DirectoryChangePayload payload = DirectoryChangePayload.credential(null, ClientKeys.normalise(jwks));
        return setClientCredential(caller, client, DirectoryChange.Action.SET_KEYS, payload, null);
    }

    /** A client's credential is another account's: four-eyes when its grants would need them. */
    private Outcome<String> setClientCredential(Caller caller, MachineClient client, DirectoryChange.Action action,
            DirectoryChangePayload payload, String generated) {
        if (client.publicClient) {
            throw ProblemException.conflict("Public client", "A public client (a browser app) holds no secret and no"
                    + " keys: it proves itself with PKCE at each sign-in.");
        }
        GrantRules.Grants held = grants(client);
        GrantRules.requireDominates(caller, held);
        List<String> reasons = GrantRules.fourEyesReasons(null, held);
        if (reasons.isEmpty()) {
            applyCredential(AuditActor.of(caller), client, payload, "");
            return new Done<>(generated);
        }
        List<String> why = new ArrayList<>(List.of("sets the credential of a client that holds what needs "
                + "four-eyes"));
        why.addAll(reasons);
        return pending(caller, MachineClient.KIND, client.clientId, action, payload, describe(client), null, why,
                generated);
    }

    @Transactional
    public MachineClient disableClient(Caller caller, String clientId) {
        return disable(AuditActor.of(caller), getClient(clientId));
    }

    @Transactional
    public MachineClient unlockClient(Caller caller, String clientId) {
        return clearThrottle(AuditActor.of(caller), getClient(clientId));
    }

    // ---- pending changes

    public Page<DirectoryChange> listChanges(String status, PageRequest page) {
        if (status != null && !Set.of(DirectoryChange.PENDING, DirectoryChange.APPROVED, DirectoryChange.REJECTED)
                .contains(status)) {
            throw ProblemException.badRequest("Invalid status", "status must be PENDING, APPROVED or REJECTED.",
                    "status");
        }
        return changes.page(status, page);
    }

    public DirectoryChange getChange(UUID id) {
        return changes.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("Directory change", id));
    }

    /**
     * Applies a pending change as its second administrator: not its requester, not its subject, and holding what
     * it grants.
     */
    @Transactional
    public DirectoryChange approve(Caller caller, UUID id) {
        DirectoryChange change = decidable(id);
        FourEyes.requireDifferent(caller, List.of(change.requestedBy, change.name), "directory change");
        DirectoryChangePayload payload = read(change.payload);
        AuditActor actor = AuditActor.of(caller);
        String approval = "; requested by " + change.requestedBy + "; approved by " + caller.subject() + "; change "
                + change.id;
        switch (change.action()) {
            case CREATE_USER -> {
                GrantRules.requireMayGrant(caller, null, grants(payload));
                ensureNameFree(change.name);
                // created by whoever asked; the approver is its updatedBy and in the audit trail
                insertUser(actor, change.name, payload, approval).createdBy = change.requestedBy;
            }
            case CREATE_CLIENT -> {
                GrantRules.requireMayGrant(caller, null, grants(payload));
                ensureNameFree(change.name);
                insertClient(actor, change.name, payload, approval).createdBy = change.requestedBy;
            }
            case UPDATE_USER, UPDATE_CLIENT -> {
                DirectoryEntry entry = entry(change);
                if (!Objects.equals(change.targetVersion, entry.version)) {
                    throw ProblemException.conflict("Changed since requested", "The " + change.kind + " has changed "
                            + "since this change was requested; reject it and request it again.");
                }
                GrantRules.requireMayGrant(caller, grants(entry), grants(payload));
                applyUpdate(actor, entry, payload, approval);
            }
            case SET_PASSWORD, SET_SECRET, SET_KEYS -> {
                DirectoryEntry entry = entry(change);
                GrantRules.requireDominates(caller, grants(entry));
                applyCredential(actor, entry, payload, approval);
            }
            default -> throw new IllegalStateException("unknown action " + change.action);
        }
        decide(change, DirectoryChange.APPROVED, caller);
        return change;
    }

    /** Any administrator may reject, the requester too (withdrawing a request grants nothing). */
    @Transactional
    public DirectoryChange reject(Caller caller, UUID id) {
        DirectoryChange change = decidable(id);
        decide(change, DirectoryChange.REJECTED, caller);
        return change;
    }

    private DirectoryChange decidable(UUID id) {
        DirectoryChange change = changes.findForDecision(id)
                .orElseThrow(() -> ProblemException.notFound("Directory change", id));
        if (!DirectoryChange.PENDING.equals(change.status)) {
            throw ProblemException.conflict("Already decided", "This change was " + change.status.toLowerCase(
                    Locale.ROOT) + " by " + change.decidedBy + ".");
        }
        return change;
    }

    private void decide(DirectoryChange change, String status, Caller caller) {
        change.status = status;
        change.decidedBy = caller.subject();
        change.decidedAt = clock.instant();
        audit.record(AuditActor.of(caller), "DIRECTORY_CHANGE_" + status, change.kind, change.name, null,
                "change=" + change.id + "; action=" + change.action + "; requested by " + change.requestedBy
                        + "; old: " + (change.oldValues == null ? "-" : change.oldValues) + "; new: "
                        + change.newValues);
    }

    private DirectoryEntry entry(DirectoryChange change) {
        return DirectoryUser.KIND.equals(change.kind) ? getUser(change.name) : getClient(change.name);
    }

    private <T> Pending<T> pending(Caller caller, String kind, String name, DirectoryChange.Action action,
            DirectoryChangePayload payload, String oldValues, Long targetVersion, List<String> reasons,
            String generatedSecret) {
        DirectoryChange change = new DirectoryChange();
        change.id = UUID.randomUUID();
        change.kind = kind;
        change.name = name;
        change.action = action.name();
        change.payload = write(payload);
        change.oldValues = oldValues;
        change.newValues = describe(payload, action);
        change.reasons = String.join("; ", reasons);
        change.targetVersion = targetVersion;
        change.status = DirectoryChange.PENDING;
        change.requestedBy = caller.subject();
        change.requestedAt = clock.instant();
        changes.persist(change);
        audit.record(AuditActor.of(caller), "DIRECTORY_CHANGE_REQUESTED", kind, name, null, "change=" + change.id
                + "; action=" + action + "; needs a second administrator: " + change.reasons + "; old: "
                + (oldValues == null ? "-" : oldValues) + "; new: " + change.newValues);
        return new Pending<>(change, generatedSecret);
    }

    // ---- applying changes (directly or on approval)

    private DirectoryUser insertUser(AuditActor actor, String username, DirectoryChangePayload payload,
            String approval) {
        DirectoryUser user = new DirectoryUser();
        user.username = username;
        user.displayName = payload.displayName();
        user.passwordHash = payload.credentialHash();
        return insert(actor, user, users, payload, "USER_CREATED", approval);
    }

    private MachineClient insertClient(AuditActor actor, String clientId, DirectoryChangePayload payload,
            String approval) {
        MachineClient client = new MachineClient();
        client.clientId = clientId;
        client.displayName = payload.displayName();
        client.secretHash = payload.credentialHash();
        client.jwks = payload.jwks();
        client.partner = payload.partner();
        client.publicClient = Boolean.TRUE.equals(payload.publicClient());
        applyRedirectUris(client, payload);
        return insert(actor, client, clients, payload, "CLIENT_CREATED", approval);
    }

    /** Stores a new entry whose name and credential are set; a concurrent create of the name is a conflict. */
    private <E extends DirectoryEntry> E insert(AuditActor actor, E entry, DirectoryRepository<E> repository,
            DirectoryChangePayload payload, String auditAction, String approval) {
        Instant now = clock.instant();
        entry.id = UUID.randomUUID();
        apply(entry, payload);
        entry.credentialChangedAt = now;
        entry.createdAt = now;
        entry.createdBy = actor.subject();
        touch(entry, actor, now);
        try {
            repository.persist(entry);
            repository.flush();
        } catch (PersistenceException e) {
            if (e instanceof ConstraintViolationException || e.getCause() instanceof ConstraintViolationException) {
                throw ProblemException.conflict("Name taken", "A user or client with this name exists already.");
            }
            throw e;
        }
        audit.record(actor, auditAction, entry.kind(), entry.name(), null, "old: -; new: " + describe(entry)
                + approval);
        return entry;
    }

    private <E extends DirectoryEntry> E applyUpdate(AuditActor actor, E entry, DirectoryChangePayload payload,
            String approval) {
        String before = describe(entry);
        String claimsBefore = claims(entry);
        if (entry instanceof DirectoryUser user) {
            user.displayName = payload.displayName();
        } else if (entry instanceof MachineClient client) {
            client.displayName = payload.displayName();
            client.partner = payload.partner();
            applyRedirectUris(client, payload);
        }
        apply(entry, payload);
        Instant now = clock.instant();
        if (!claims(entry).equals(claimsBefore)) {
            revoke(entry, now);
        }
        touch(entry, actor, now);
        audit.record(actor, entry.kind().toUpperCase(Locale.ROOT) + "_UPDATED", entry.kind(), entry.name(), null,
                "old: " + before + "; new: " + describe(entry) + approval);
        return entry;
    }

    /** A new password, secret or key set: earlier tokens end and the sign-in throttling is lifted. */
    private void applyCredential(AuditActor actor, DirectoryEntry entry, DirectoryChangePayload payload,
            String approval) {
        String before = describe(entry);
        String action;
        if (entry instanceof MachineClient client && payload.jwks() != null) {
            client.jwks = payload.jwks();
            action = "CLIENT_KEYS_SET";
        } else {
            entry.credentialHash(payload.credentialHash());
            action = entry instanceof MachineClient ? "CLIENT_SECRET_SET" : "USER_PASSWORD_SET";
        }
        Instant now = clock.instant();
        entry.credentialChangedAt = now;
        throttle.clear(entry.kind(), entry.name());
        revoke(entry, now);
        touch(entry, actor, now);
        audit.record(actor, action, entry.kind(), entry.name(), null, "old: " + before + "; new: " + describe(entry)
                + approval);
    }

    private <E extends DirectoryEntry> E disable(AuditActor actor, E entry) {
        String before = describe(entry);
        entry.enabled = false;
        Instant now = clock.instant();
        revoke(entry, now);
        touch(entry, actor, now);
        audit.record(actor, entry.kind().toUpperCase(Locale.ROOT) + "_DISABLED", entry.kind(), entry.name(), null,
                "old: " + before + "; new: " + describe(entry));
        return entry;
    }

    private <E extends DirectoryEntry> E clearThrottle(AuditActor actor, E entry) {
        throttle.clear(entry.kind(), entry.name());
        audit.record(actor, entry.kind().toUpperCase(Locale.ROOT) + "_SIGN_IN_THROTTLE_LIFTED", entry.kind(),
                entry.name(), null, null);
        return entry;
    }

    /**
     * Tokens issued until now stop being good, at the gateway at once (the next request, streams closed). Whole
     * seconds, rounded up, because a token's iat has no fraction: its next token gets that second as iat.
     */
    private void revoke(DirectoryEntry entry, Instant now) {
        Instant validAfter = Instant.ofEpochSecond(now.getEpochSecond() + 1);
        entry.tokensValidAfter = validAfter;
        revoked.fire(new TokensRevoked(entry.name(), validAfter));
    }

    // ---- shared

    private void ensureNameFree(String name) {
        if (users.findByName(name.toLowerCase(Locale.ROOT)).isPresent()
                || clients.find("lower(clientId) = ?1", name.toLowerCase(Locale.ROOT)).firstResultOptional()
                        .isPresent()) {
            throw ProblemException.conflict("Name taken",
                    "A user or client named " + name + " exists already; names are token subjects and must be unique.");
        }
    }

    private static void checkUserRoles(Set<String> roles, List<Problem.FieldError> errors) {
        if (roles.stream().anyMatch(CLIENT_ONLY_ROLES::contains)) {
            errors.add(new Problem.FieldError("roles", "partner and service are roles of machine clients only"));
        }
    }

    private static void checkPartner(Set<String> roles, String partner, List<Problem.FieldError> errors) {
        if (roles.contains(Role.PARTNER) != (partner != null)) {
            errors.add(new Problem.FieldError("partner",
                    "a client with the partner role must name its partner, and only such a client may"));
        }
    }

    /**
     * A public client signs people in and nothing else: no credential to keep (it could not keep one), and no
     * grants of its own (it never gets a token for itself), but somewhere to send the browser back to.
     */
    private static void checkPublicClient(ClientCreate request, List<Problem.FieldError> errors) {
        if (request.secret() != null || request.jwks() != null) {
            errors.add(new Problem.FieldError("publicClient", "a public client has no secret and no keys"));
        }
        if (!request.roles().isEmpty() || request.partner() != null
                || request.compartments() != null && !request.compartments().isEmpty()) {
            errors.add(new Problem.FieldError("roles", "a public client gets no token of its own: no roles, "
                    + "compartments or partner"));
        }
        if (request.redirectUris() == null || request.redirectUris().isEmpty()) {
            errors.add(new Problem.FieldError("redirectUris", "a public client needs at least one redirect URI"));
        }
    }

    /** Null lists (an update that leaves them out) keep what the client has. */
    private static void applyRedirectUris(MachineClient client, DirectoryChangePayload payload) {
        if (payload.redirectUris() != null) {
            client.redirectUris = payload.redirectUris().stream().distinct().toArray(String[]::new);
        }
        if (payload.postLogoutRedirectUris() != null) {
            client.postLogoutRedirectUris = payload.postLogoutRedirectUris().stream().distinct()
                    .toArray(String[]::new);
        }
    }

    private static void refuse(List<Problem.FieldError> errors) {
        if (!errors.isEmpty()) {
            throw new ProblemException(400, null, "Invalid request",
                    "The request has " + errors.size() + " invalid field" + (errors.size() == 1 ? "" : "s") + ".",
                    errors, null);
        }
    }

    private static Set<String> orEmpty(Set<String> values) {
        return values == null ? Set.of() : values;
    }

    private static List<String> orEmpty(List<String> values) {
        return values == null ? List.of() : values;
    }

    private static void apply(DirectoryEntry entry, DirectoryChangePayload payload) {
        entry.roles = new TreeSet<>(payload.roles()).toArray(String[]::new);
        entry.clearance = Classification.parseOrNull(payload.clearance());
        entry.compartments = new TreeSet<>(payload.compartments()).toArray(String[]::new);
        entry.agency = payload.agency();
        entry.enabled = payload.enabled();
    }

    private static GrantRules.Grants grants(DirectoryEntry entry) {
        return new GrantRules.Grants(entry.clearance, Set.of(entry.compartments), Set.of(entry.roles));
    }

    private static GrantRules.Grants grants(DirectoryChangePayload payload) {
        return new GrantRules.Grants(Classification.parseOrNull(payload.clearance()), payload.compartments(),
                payload.roles());
    }

    private static void touch(DirectoryEntry entry, AuditActor actor, Instant now) {
        entry.updatedAt = now;
        entry.updatedBy = actor.subject();
    }

    /** What the entry's tokens carry (a change of it ends the earlier tokens). */
    private static String claims(DirectoryEntry e) {
        String partner = e instanceof MachineClient c ? c.partner : null;
        return Arrays.toString(e.roles) + e.clearance + Arrays.toString(e.compartments) + e.agency + partner
                + e.enabled;
    }

    private static String describe(DirectoryEntry e) {
        String extra = e instanceof MachineClient c ? (c.partner != null ? "; partner=" + c.partner : "")
                + "; secret=" + (c.secretHash != null ? "set" : "none") + "; keys="
                + (c.jwks == null ? 0 : ClientKeys.parse(c.jwks).size()) + (c.publicClient ? "; public" : "")
                + "; redirectUris=" + Arrays.toString(c.redirectUris) + "; postLogoutRedirectUris="
                + Arrays.toString(c.postLogoutRedirectUris) : "";
        return "roles=" + Arrays.toString(e.roles) + "; clearance=" + e.clearance + "; compartments="
                + Arrays.toString(e.compartments) + "; agency=" + e.agency + extra + "; enabled=" + e.enabled;
    }

    private static String describe(DirectoryChangePayload p, DirectoryChange.Action action) {
        return switch (action) {
            case SET_PASSWORD -> "password replaced";
            case SET_SECRET -> "secret replaced";
            case SET_KEYS -> "keys replaced: " + ClientKeys.parse(p.jwks()).size();
            default -> "roles=" + new TreeSet<>(p.roles()) + "; clearance=" + p.clearance() + "; compartments="
                    + new TreeSet<>(p.compartments()) + "; agency=" + p.agency()
                    + (p.partner() != null ? "; partner=" + p.partner() : "") + "; enabled=" + p.enabled();
        };
    }

    private String write(DirectoryChangePayload payload) {
        try {
            return json.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a change payload always serialises", e);
        }
    }

    private DirectoryChangePayload read(String payload) {
        try {
            return json.readValue(payload, DirectoryChangePayload.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored change payload does not parse", e);
        }
    }
}
