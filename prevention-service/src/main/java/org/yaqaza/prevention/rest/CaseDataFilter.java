package org.yaqaza.prevention.rest;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.SimpleResourceInfo;
import org.yaqaza.common.security.CurrentCaller;
import org.yaqaza.prevention.service.PreventionAccess;

/**
 * The firewall at the door: on {@link CaseData} endpoints anyone but prevention staff (including a supervisor of
 * another agency, whom {@code @RolesAllowed} alone lets through) is refused with 403 before the body is even read
 * or validated. The services check again, so no path depends on this filter alone.
 */
public class CaseDataFilter {

    private final CurrentCaller caller;
    private final PreventionAccess access;

    public CaseDataFilter(CurrentCaller caller, PreventionAccess access) {
        this.caller = caller;
        this.access = access;
    }

    @ServerRequestFilter
    public void check(SimpleResourceInfo resource) {
        if (resource.getResourceClass() == null) {
            return;
        }
        boolean caseData = resource.getResourceClass().isAnnotationPresent(CaseData.class);
        if (!caseData) {
            try {
                caseData = resource.getResourceClass().getMethod(resource.getMethodName(),
                        resource.parameterTypes()).isAnnotationPresent(CaseData.class);
            } catch (NoSuchMethodException e) {
                caseData = false;
            }
        }
        if (caseData) {
            access.requireCaseAccess(caller.get());
        }
    }
}
