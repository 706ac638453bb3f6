package org.yaqaza.gateway.service;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
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
import org.yaqaza.common.security.Classification;
import org.yaqaza.common.security.Role;
import org.yaqaza.gateway.api.ClientCreate;
import org.yaqaza.gateway.api.ClientUpdate;
import org.yaqaza.gateway.api.UserCreate;
import org.yaqaza.gateway.api.UserUpdate;
import org.yaqaza.gateway.model.DirectoryEntry;
import org.yaqaza.gateway.model.DirectoryUser;
import org.yaqaza.gateway.model.MachineClient;
import org.yaqaza.gateway.repository.AuthFailureRepository;
import org.yaqaza.gateway.repository.ClientRepository;
import org.yaqaza.gateway.repository.UserRepository;

/**
 * Administration of the directory. Every change is audited with what was set (never a secret). Users and
 * clients share one namespace, since either name becomes a token subject.
 */
@ApplicationScoped
public class DirectoryService {

    /** Roles that only machine clients may hold. */
    private static final Set<String> CLIENT_ONLY_ROLES = Set.of(Role.PARTNER, Role.SERVICE);

    private final UserRepository users;
    private final ClientRepository clients;
    private final AuthFailureRepository failures;
    private final PasswordHasher hasher;
    private final AuditTrail audit;
    private final Clock clock;
    private final Event<ClientChanged> clientChanged;

    public DirectoryService(UserRepository users, ClientRepository clients, AuthFailureRepository failures,
            PasswordHasher hasher, AuditTrail audit, Clock clock, Event<ClientChanged> clientChanged) {
        this.users = users;
        this.clients = clients;
        this.failures = failures;
        this.hasher = hasher;
        this.audit = audit;
        this.clock = clock;
        this.clientChanged = clientChanged;
    }

    // ---- users

    @Transactional
    public DirectoryUser createUser(AuditActor actor, UserCreate request) {
        String username = request.username().toLowerCase(Locale.ROOT);
        List<Problem.FieldError> errors = new ArrayList<>();
        checkUserRoles(request.roles(), errors);
        if (request.password().equalsIgnoreCase(username)) {
            errors.add(new Problem.FieldError("password", "must not be the username"));
        }
        refuse(errors);
        ensureNameFree(username);
        Instant now = clock.instant();
        DirectoryUser user = new DirectoryUser();
        user.id = UUID.randomUUID();
        user.username = username;
        user.displayName = request.displayName().strip();
        user.passwordHash = hasher.hash(request.password());
        apply(user, request.roles(), request.clearance(), request.compartments(), request.agency(),
                request.enabled() == null || request.enabled());
        user.credentialChangedAt = now;
        user.createdAt = now;
        user.createdBy = actor.subject();
        touch(user, actor, now);
        persistNew(() -> {
            users.persist(user);
            users.flush();
        });
        audit.record(actor, "USER_CREATED", DirectoryUser.KIND, username, null, describe(user));
        return user;
    }

    public Page<DirectoryUser> listUsers(PageRequest page) {
        return users.page(page);
    }

    public DirectoryUser getUser(String username) {
        return users.findByName(username.toLowerCase(Locale.ROOT))
                .orElseThrow(() -> ProblemException.notFound("User", username));
    }

    @Transactional
    public DirectoryUser updateUser(AuditActor actor, String username, UserUpdate request, Long expectedVersion) {
        DirectoryUser user = getUser(username);
        Versions.require(expectedVersion, user.version, "user");
        List<Problem.FieldError> errors = new ArrayList<>();
        checkUserRoles(request.roles(), errors);
        refuse(errors);
        user.displayName = request.displayName().strip();
        apply(user, request.roles(), request.clearance(), request.compartments(), request.agency(),
                request.enabled());
        touch(user, actor, clock.instant());
        audit.record(actor, "USER_UPDATED", DirectoryUser.KIND, user.username, null, describe(user));
        return user;
    }

    /** Sets a new password; also lifts a lock-out, as a reset by an admin should. */
    @Transactional
    public void setPassword(AuditActor actor, String username, String password) {
        DirectoryUser user = getUser(username);
        if (password.equalsIgnoreCase(user.username)) {
            refuse(List.of(new Problem.FieldError("password", "must not be the username")));
        }
        user.passwordHash = hasher.hash(password);
        credentialChanged(user, actor);
        audit.record(actor, "USER_PASSWORD_SET", DirectoryUser.KIND, user.username, null, null);
    }

    @Transactional
    public DirectoryUser disableUser(AuditActor actor, String username) {
        DirectoryUser user = getUser(username);
        user.enabled = false;
        touch(user, actor, clock.instant());
        audit.record(actor, "USER_DISABLED", DirectoryUser.KIND, user.username, null, null);
        return user;
    }

    @Transactional
    public DirectoryUser unlockUser(AuditActor actor, String username) {
        DirectoryUser user = getUser(username);
        unlock(user, actor);
        audit.record(actor, "USER_UNLOCKED", DirectoryUser.KIND, user.username, null, null);
        return user;
    }

    // ---- clients

    /** The new client, and the generated secret when none was given (shown once, stored only as a hash). */
    public record CreatedClient(MachineClient client, String generatedSecret) {
    }

    @Transactional
    public CreatedClient createClient(AuditActor actor, ClientCreate request) {
        List<Problem.FieldError> errors = new ArrayList<>();
        checkPartner(request.roles(), request.partner(), errors);
        refuse(errors);
        ensureNameFree(request.clientId());
        String secret = request.secret() == null ? PasswordHasher.generateSecret() : request.secret();
        Instant now = clock.instant();
        MachineClient client = new MachineClient();
        client.id = UUID.randomUUID();
        client.clientId = request.clientId();
        client.displayName = request.displayName().strip();
        client.secretHash = hasher.hash(secret);
        client.partner = request.partner();
        apply(client, request.roles(), request.clearance(), request.compartments(), request.agency(),
                request.enabled() == null || request.enabled());
        client.credentialChangedAt = now;
        client.createdAt = now;
        client.createdBy = actor.subject();
        touch(client, actor, now);
        persistNew(() -> {
            clients.persist(client);
            clients.flush();
        });
        audit.record(actor, "CLIENT_CREATED", MachineClient.KIND, client.clientId, null, describe(client));
        return new CreatedClient(client, request.secret() == null ? secret : null);
    }

    public Page<MachineClient> listClients(PageRequest page) {
        return clients.page(page);
    }

    public MachineClient getClient(String clientId) {
        return clients.findByName(clientId).orElseThrow(() -> ProblemException.notFound("Client", clientId));
    }

    @Transactional
    public MachineClient updateClient(AuditActor actor, String clientId, ClientUpdate request, Long expectedVersion) {
        MachineClient client = getClient(clientId);
        Versions.require(expectedVersion, client.version, "client");
        List<Problem.FieldError> errors = new ArrayList<>();
        checkPartner(request.roles(), request.partner(), errors);
        refuse(errors);
        client.displayName = request.displayName().strip();
        client.partner = request.partner();
        apply(client, request.roles(), request.clearance(), request.compartments(), request.agency(),
                request.enabled());
        touch(client, actor, clock.instant());
        audit.record(actor, "CLIENT_UPDATED", MachineClient.KIND, client.clientId, null, describe(client));
        clientChanged.fire(new ClientChanged(client.clientId));
        return client;
    }

    /** Sets (or, given null, generates) a new secret; returns the generated one, null otherwise. */
    @Transactional
    public String setSecret(AuditActor actor, String clientId, String secret) {
        MachineClient client = getClient(clientId);
        String value = secret == null ? PasswordHasher.generateSecret() : secret;
        client.secretHash = hasher.hash(value);
        credentialChanged(client, actor);
        audit.record(actor, "CLIENT_SECRET_SET", MachineClient.KIND, client.clientId, null,
                secret == null ? "generated" : "chosen by admin");
        clientChanged.fire(new ClientChanged(client.clientId));
        return secret == null ? value : null;
    }

    @Transactional
    public MachineClient disableClient(AuditActor actor, String clientId) {
        MachineClient client = getClient(clientId);
        client.enabled = false;
        touch(client, actor, clock.instant());
        audit.record(actor, "CLIENT_DISABLED", MachineClient.KIND, client.clientId, null, null);
        clientChanged.fire(new ClientChanged(client.clientId));
        return client;
    }

    @Transactional
    public MachineClient unlockClient(AuditActor actor, String clientId) {
        MachineClient client = getClient(clientId);
        unlock(client, actor);
        audit.record(actor, "CLIENT_UNLOCKED", MachineClient.KIND, client.clientId, null, null);
        return client;
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

    /** A concurrent create of the same name loses on the unique index: a conflict, not a failure. */
    private static void persistNew(Runnable insert) {
        try {
            insert.run();
        } catch (PersistenceException e) {
            if (e instanceof ConstraintViolationException || e.getCause() instanceof ConstraintViolationException) {
                throw ProblemException.conflict("Name taken", "A user or client with this name exists already.");
            }
            throw e;
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

    private static void refuse(List<Problem.FieldError> errors) {
        if (!errors.isEmpty()) {
            throw new ProblemException(400, null, "Invalid request",
                    "The request has " + errors.size() + " invalid field" + (errors.size() == 1 ? "" : "s") + ".",
                    errors, null);
        }
    }

    private static void apply(DirectoryEntry entry, Set<String> roles, String clearance, Set<String> compartments,
            String agency, boolean enabled) {
        entry.roles = new TreeSet<>(roles).toArray(String[]::new);
        entry.clearance = Classification.parseOrNull(clearance);
        entry.compartments = compartments == null ? new String[0] : new TreeSet<>(compartments).toArray(String[]::new);
        entry.agency = agency;
        entry.enabled = enabled;
    }

    private void credentialChanged(DirectoryEntry entry, AuditActor actor) {
        Instant now = clock.instant();
        entry.credentialChangedAt = now;
        entry.lockedUntil = null;
        failures.clear(entry);
        touch(entry, actor, now);
    }

    private void unlock(DirectoryEntry entry, AuditActor actor) {
        entry.lockedUntil = null;
        failures.clear(entry);
        touch(entry, actor, clock.instant());
    }

    private static void touch(DirectoryEntry entry, AuditActor actor, Instant now) {
        entry.updatedAt = now;
        entry.updatedBy = actor.subject();
    }

    private static String describe(DirectoryEntry e) {
        String partner = e instanceof MachineClient c && c.partner != null ? "; partner=" + c.partner : "";
        return "roles=" + Arrays.toString(e.roles) + "; clearance=" + e.clearance + "; compartments="
                + Arrays.toString(e.compartments) + "; agency=" + e.agency + partner + "; enabled=" + e.enabled;
    }
}
