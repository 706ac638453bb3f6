package org.yaqaza.prevention.security;

import java.util.HashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.yaqaza.common.security.Caller;
import org.yaqaza.common.security.CurrentCaller;
import org.yaqaza.common.security.Role;
import org.yaqaza.common.security.Visibility;
import org.yaqaza.prevention.config.PreventionConfig;

import io.quarkus.security.PermissionChecker;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * The prevention firewall, the one place of its rule. Case data (participants, enrolments, assessments,
 * follow-up) is for prevention staff only: prevention officers, and prevention supervisors — the supervisor role
 * held in the prevention agency ({@code yaqaza.prevention.agency}). A token that also carries an intelligence,
 * liaison or partner role is refused even if it carries a prevention role, so no single account bridges the two
 * worlds. Approvals (referrals, handovers) are for prevention supervisors.
 *
 * <p>The rule is applied twice from here: at the door, where {@code @PermissionsAllowed(CASE_DATA)} or
 * {@code (APPROVAL)} on an endpoint refuses anyone else with 403 before the request body is read (401 without a
 * token); and inside every query that returns case data ({@link #casePredicate}), so that a path that forgot the
 * door still finds no row.
 */
@ApplicationScoped
public class PreventionAccess {

    /** Permission of the endpoints that touch case data: prevention staff only. */
    public static final String CASE_DATA = "prevention-case-data";
    /** Permission of the approvals (referral and handover decisions): prevention supervisors only. */
    public static final String APPROVAL = "prevention-approval";
    /** Query parameter: whether the caller is prevention staff (bound by {@link #caseParameters}). */
    public static final String CASE_STAFF = "yzCaseStaff";

    private static final String[] INTELLIGENCE_ROLES = { Role.ANALYST, Role.COLLECTOR, Role.LIAISON_OFFICER,
            Role.PARTNER };

    private final String preventionAgency;

    public PreventionAccess(PreventionConfig config) {
        this.preventionAgency = config.agency();
    }

    public String preventionAgency() {
        return preventionAgency;
    }

    public boolean isPreventionSupervisor(Caller caller) {
        return caller.hasRole(Role.SUPERVISOR) && preventionAgency.equals(caller.agency())
                && !caller.hasAnyRole(INTELLIGENCE_ROLES);
    }

    public boolean isPreventionStaff(Caller caller) {
        return !caller.hasAnyRole(INTELLIGENCE_ROLES)
                && (caller.hasRole(Role.PREVENTION_OFFICER) || isPreventionSupervisor(caller));
    }

    /** The door of {@link #CASE_DATA} endpoints. */
    @PermissionChecker(CASE_DATA)
    public boolean mayWorkOnCases(SecurityIdentity identity) {
        Caller caller = caller(identity);
        return caller != null && isPreventionStaff(caller);
    }

    /** The door of {@link #APPROVAL} endpoints. */
    @PermissionChecker(APPROVAL)
    public boolean mayApprove(SecurityIdentity identity) {
        Caller caller = caller(identity);
        return caller != null && isPreventionSupervisor(caller);
    }

    /** The caller as the security model sees it (most restrictive values for missing claims); null: no token. */
    private static Caller caller(SecurityIdentity identity) {
        return identity.getPrincipal() instanceof JsonWebToken token ? CurrentCaller.fromToken(token) : null;
    }

    /**
     * HQL restriction for case data reached through the participant bound to {@code alias}: the visibility rule,
     * and no row at all unless the caller is prevention staff. Bind {@link #caseParameters}.
     */
    public static String casePredicate(String alias) {
        return Visibility.predicate(alias) + " and :" + CASE_STAFF + " = true";
    }

    /** The native SQL twin of {@link #casePredicate}, over the participant table's alias. */
    public static String caseSqlPredicate(String alias) {
        return Visibility.sqlPredicate(alias) + " and :" + CASE_STAFF;
    }

    /** The caller's parameters for either case predicate (the visibility parameters included). */
    public Map<String, Object> caseParameters(Caller caller) {
        Map<String, Object> params = new HashMap<>(Visibility.parameters(caller));
        params.put(CASE_STAFF, isPreventionStaff(caller));
        return params;
    }
}
