package org.yaqaza.prevention.service;

import jakarta.enterprise.context.ApplicationScoped;

import org.yaqaza.common.problem.ProblemException;
import org.yaqaza.common.security.Caller;
import org.yaqaza.common.security.Role;
import org.yaqaza.prevention.config.PreventionConfig;

/**
 * The prevention firewall. Case data (participants, enrolments, assessments, follow-up) is for prevention staff
 * only: prevention officers, and prevention supervisors — the supervisor role held in the prevention agency
 * ({@code yaqaza.prevention.agency}). A token that also carries an intelligence, liaison or partner role is
 * refused even if it carries a prevention role, so no single account bridges the two worlds.
 */
@ApplicationScoped
public class PreventionAccess {

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

    /** Case data: 403 for anyone but prevention staff. */
    public void requireCaseAccess(Caller caller) {
        if (!isPreventionStaff(caller)) {
            throw ProblemException.forbidden("Prevention case data is reserved to prevention staff.");
        }
    }

    /** Approvals (referrals, handovers): 403 for anyone but a prevention supervisor. */
    public void requirePreventionSupervisor(Caller caller) {
        if (!isPreventionSupervisor(caller)) {
            throw ProblemException.forbidden("Only a supervisor of the prevention agency (" + preventionAgency
                    + ") may approve this.");
        }
    }
}
