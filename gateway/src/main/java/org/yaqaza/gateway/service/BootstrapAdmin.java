package org.yaqaza.gateway.service;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;
import org.yaqaza.common.problem.ProblemException;
import org.yaqaza.common.security.Classification;
import org.yaqaza.common.security.ProtectedRecord;
import org.yaqaza.gateway.api.Names;
import org.yaqaza.gateway.api.Secret;
import org.yaqaza.gateway.config.GatewayConfig;
import org.yaqaza.gateway.repository.UserRepository;

import io.quarkus.runtime.StartupEvent;

/**
 * Creates the configured first administrators when no user has their names, so that a fresh directory can be
 * administered (the local launcher then creates the demo accounts through the admin API, one administrator
 * asking and the other approving). Existing users are left untouched. Created by the system, not through the
 * four-eyes rule: before them nobody could approve anything.
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
        Classification clearance = Classification.parseOrNull(config.adminClearance());
        if (clearance == null) {
            throw new IllegalStateException("yaqaza.gateway.bootstrap.admin-clearance is not a clearance level");
        }
        List<String> compartments = config.adminCompartments().orElse(List.of());
        if (!compartments.stream().allMatch(c -> ProtectedRecord.COMPARTMENT_CODE.matcher(c).matches())) {
            throw new IllegalStateException("yaqaza.gateway.bootstrap.admin-compartments holds a malformed code");
        }
        create("admin", config.adminUsername(), config.adminPassword(), clearance, compartments);
        create("second-admin", config.secondAdminUsername(), config.secondAdminPassword(), clearance, compartments);
    }

    private void create(String key, Optional<String> configuredName, Optional<String> configuredPassword,
            Classification clearance, List<String> compartments) {
        if (configuredName.isEmpty()) {
            return;
        }
        String username = configuredName.get().toLowerCase(Locale.ROOT);
        if (!username.matches(Names.USERNAME)) {
            throw new IllegalStateException("yaqaza.gateway.bootstrap." + key + "-username is not a valid username");
        }
        if (users.findByName(username).isPresent()) {
            return;
        }
        String password = configuredPassword.orElseThrow(() -> new IllegalStateException(
                "yaqaza.gateway.bootstrap." + key + "-password is required with " + key + "-username"));
        if (!Secret.Validator.valid(password)) {
            throw new IllegalStateException("yaqaza.gateway.bootstrap." + key + "-password must have at least "
                    + Secret.MIN_LENGTH + " characters and at most " + Secret.MAX_BYTES + " bytes");
        }
        try {
            directory.createBootstrapAdmin(username, password, clearance, new TreeSet<>(compartments),
                    config.adminAgency());
            LOG.infof("created the bootstrap admin %s", username);
        } catch (ProblemException e) {
            if (e.status() != 409) {
                throw e;
            }
            // another replica created it at the same moment
        }
    }
}
