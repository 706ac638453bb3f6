package org.yaqaza.gateway.mapping;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.yaqaza.gateway.api.ClientView;
import org.yaqaza.gateway.api.DirectoryChangeView;
import org.yaqaza.gateway.api.UserView;
import org.yaqaza.gateway.model.DirectoryChange;
import org.yaqaza.gateway.model.DirectoryUser;
import org.yaqaza.gateway.model.MachineClient;
import org.yaqaza.gateway.service.ClientKeys;

/** Entities to wire records; hashes never leave the service. */
public final class DirectoryMapper {

    private DirectoryMapper() {
    }

    public static UserView toView(DirectoryUser u) {
        return new UserView(u.id, u.username, u.displayName, sorted(u.roles), u.clearance, sorted(u.compartments),
                u.agency, u.enabled, u.credentialChangedAt, u.createdAt, u.createdBy, u.updatedAt, u.updatedBy,
                u.version);
    }

    public static ClientView toView(MachineClient c) {
        List<String> methods = new ArrayList<>();
        if (c.jwks != null) {
            methods.add("private_key_jwt");
        }
        if (c.secretHash != null) {
            methods.addAll(List.of("client_secret_basic", "client_secret_post"));
        }
        if (c.publicClient) {
            methods.add("none");
        }
        return new ClientView(c.id, c.clientId, c.displayName, sorted(c.roles), c.clearance, sorted(c.compartments),
                c.agency, c.partner, c.enabled, methods, ClientKeys.view(c.jwks), c.publicClient,
                List.of(c.redirectUris), List.of(c.postLogoutRedirectUris), c.credentialChangedAt, c.createdAt,
                c.createdBy, c.updatedAt, c.updatedBy, c.version);
    }

    public static DirectoryChangeView toView(DirectoryChange c, String generatedSecret) {
        return new DirectoryChangeView(c.id, c.kind, c.name, c.action, List.of(c.reasons.split("; ")), c.oldValues,
                c.newValues, c.status, c.requestedBy, c.requestedAt, c.decidedBy, c.decidedAt, generatedSecret);
    }

    public static DirectoryChangeView toView(DirectoryChange c) {
        return toView(c, null);
    }

    private static List<String> sorted(String[] values) {
        return Arrays.stream(values).sorted().toList();
    }
}
