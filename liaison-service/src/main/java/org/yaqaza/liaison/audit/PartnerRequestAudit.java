package org.yaqaza.liaison.audit;

import jakarta.enterprise.context.RequestScoped;

/**
 * Whether this request's {@code PARTNER_REQUEST} event is already written. The hot TAXII reads write it in the
 * transaction of the read itself (one commit per page instead of two); {@link PartnerAuditFilter} then skips it.
 */
@RequestScoped
public class PartnerRequestAudit {

    public static final String ACTION = "PARTNER_REQUEST";
    public static final String OBJECT_TYPE = "partner-request";

    private boolean recorded;

    /** The event's detail: {@code METHOD path -> status}. */
    public static String detail(String method, String path, int status) {
        return method + " " + path + " -> " + status;
    }

    public void markRecorded() {
        recorded = true;
    }

    public boolean recorded() {
        return recorded;
    }
}
