package org.yaqaza.gateway.mapping;

import java.util.Arrays;
import java.util.List;

import org.yaqaza.gateway.api.ClientView;
import org.yaqaza.gateway.api.UserView;
import org.yaqaza.gateway.model.MachineClient;
import org.yaqaza.gateway.model.DirectoryUser;

/** Entities to wire records; hashes never leave the service. */
public final class DirectoryMapper {

    private DirectoryMapper() {
    }

    public static UserView toView(DirectoryUser u) {
        return new UserView(u.id, u.username, u.displayName, sorted(u.roles), u.clearance, sorted(u.compartments),
                u.agency, u.enabled, u.lockedUntil, u.credentialChangedAt, u.createdAt, u.createdBy, u.updatedAt,
                u.updatedBy, u.version);
    }

    public static ClientView toView(MachineClient c) {
        return new ClientView(c.id, c.clientId, c.displayName, sorted(c.roles), c.clearance, sorted(c.compartments),
                c.agency, c.partner, c.enabled, c.lockedUntil, c.credentialChangedAt, c.createdAt, c.createdBy,
                c.updatedAt, c.updatedBy, c.version);
    }

    private static List<String> sorted(String[] values) {
        return Arrays.stream(values).sorted().toList();
    }
}
