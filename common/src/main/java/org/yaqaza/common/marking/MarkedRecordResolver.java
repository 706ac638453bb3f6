package org.yaqaza.common.marking;

import java.util.Map;
import java.util.Set;

import org.yaqaza.common.persistence.VisibleRepository;
import org.yaqaza.common.security.Caller;
import org.yaqaza.common.security.ProtectedRecord;
import org.yaqaza.common.security.Role;

/**
 * What a service tells the common marking-request machinery about its protected records: one bean per service.
 * The object types are the names its audit trail uses ({@code report}, {@code entity}, ...); each maps to the
 * repository that loads such a record under the visibility rule.
 */
public interface MarkedRecordResolver {

    /** Object type to the repository of its records. */
    Map<String, VisibleRepository<? extends ProtectedRecord>> repositories();

    /** Roles that may use the service's marking-request API at all (others get 403). */
    Set<String> roles();

    /**
     * Whether the caller may use the service's marking-request API at all (403 otherwise, before any request is
     * read). By default holding one of {@link #roles()}; a service with a firewall narrows it further.
     */
    default boolean mayUse(Caller caller) {
        return caller.hasAnyRole(roles().toArray(String[]::new));
    }

    /** Roles of the owning agency that may ask for a change besides the record's author. */
    default Set<String> requesterRoles() {
        return Set.of(Role.ANALYST, Role.SUPERVISOR);
    }

    /** The role of who decides a downgrade, in the owning agency and never its requester. */
    default String deciderRole() {
        return Role.SUPERVISOR;
    }
}
