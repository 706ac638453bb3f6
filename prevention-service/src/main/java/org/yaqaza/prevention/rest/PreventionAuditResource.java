package org.yaqaza.prevention.rest;

import jakarta.ws.rs.Path;

import org.yaqaza.common.audit.AuditQueries;
import org.yaqaza.common.audit.AuditResourceBase;

@Path("/api/prevention/audit")
public class PreventionAuditResource extends AuditResourceBase {

    public PreventionAuditResource(AuditQueries queries) {
        super(queries);
    }
}
