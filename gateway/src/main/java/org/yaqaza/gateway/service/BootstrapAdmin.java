package org.yaqaza.gateway.service;

import java.util.Locale;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;
import org.yaqaza.common.audit.AuditActor;
import org.yaqaza.common.problem.ProblemException;
import org.yaqaza.common.security.Role;
import org.yaqaza.gateway.api.Names;
import org.yaqaza.gateway.api.Secret;
import org.yaqaza.gateway.api.UserCreate;
import org.yaqaza.gateway.config.GatewayConfig;
import org.yaqaza.gateway.repository.UserRepository;

import io.quarkus.runtime.StartupEvent;

/**
 * Creates the configured first admin when no user has that name, so that a fresh directory can be administered
 * (the local launcher then creates the demo users through the admin API). An existing user is left untouched.
 */
@ApplicationScoped
public class BootstrapAdmin {

    private static final Logger LOG = Logger.getLogger(BootstrapAdmin.class);

    private final GatewayConfig.Bootstrap config;
    private final UserRepository users;
    private final DirectoryService directory;

    public BootstrapAdmin(GatewayConfig config, UserRepository users, DirectoryService directory) {
        this.config = config.bootstrap();
        this.users = users;
        this.directory = directory;
    }

    void onStart(@Observes StartupEvent event) {
        if (config.adminUsername().isEmpty()) {
            return;
        }
        String username = config.adminUsername().get().toLowerCase(Locale.ROOT);
        if (!username.matches(Names.USERNAME)) {
            throw new IllegalStateException("yaqaza.gateway.bootstrap.admin-username is not a valid username");
        }
        if (users.findByName(username).isPresent()) {
            return;
        }
        String password = config.adminPassword().orElseThrow(() -> new IllegalStateException(
                "yaqaza.gateway.bootstrap.admin-password is required with admin-username"));
        if (!Secret.Validator.valid(password)) {
            throw new IllegalStateException("yaqaza.gateway.bootstrap.admin-password must have at least "
                    + Secret.MIN_LENGTH + " characters and at most " + Secret.MAX_BYTES + " bytes");
        }
        try {
            directory.createUser(AuditActor.system("bootstrap"), new UserCreate(username, "Bootstrap administrator",
                    password, Set.of(Role.ADMIN), "UNCLASSIFIED", Set.of(), config.adminAgency(), true));
            LOG.infof("created the bootstrap admin %s", username);
        } catch (ProblemException e) {
            if (e.status() != 409) {
                throw e;
            }
            // another replica created it at the same moment
        }
    }
}
