package org.yaqaza.common.security;

/** Role names carried in the {@code groups} claim. Constants so that {@code @RolesAllowed} can use them. */
public final class Role {
    public static final String COLLECTOR = "collector";
    public static final String ANALYST = "analyst";
    public static final String SUPERVISOR = "supervisor";
    public static final String LIAISON_OFFICER = "liaison-officer";
    public static final String PREVENTION_OFFICER = "prevention-officer";
    public static final String AUDITOR = "auditor";
    public static final String ADMIN = "admin";
    public static final String PARTNER = "partner";
    public static final String SERVICE = "service";

    public static final java.util.Set<String> ALL = java.util.Set.of(
            COLLECTOR, ANALYST, SUPERVISOR, LIAISON_OFFICER, PREVENTION_OFFICER, AUDITOR, ADMIN, PARTNER, SERVICE);

    private Role() {
    }
}
