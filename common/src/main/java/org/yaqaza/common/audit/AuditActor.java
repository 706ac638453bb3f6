package org.yaqaza.common.audit;

import java.util.Set;
import java.util.TreeSet;

import org.yaqaza.common.security.Caller;

/** Who an audit event is about: a verified caller, or a named system actor (scheduled jobs, failed logins). */
public record AuditActor(String subject, Set<String> roles, String agency, String partner) {

    public static AuditActor of(Caller caller) {
        return new AuditActor(caller.subject(), caller.roles(), caller.agency(), caller.partner());
    }

    public static AuditActor system(String name) {
        return new AuditActor("system:" + name, Set.of(), null, null);
    }

    String rolesText() {
        return String.join(",", new TreeSet<>(roles));
    }
}
