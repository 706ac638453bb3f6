package org.yaqaza.intelligence.rest;

import jakarta.ws.rs.Path;

import org.yaqaza.common.audit.AuditQueries;
import org.yaqaza.common.audit.AuditResourceBase;

@Path("/api/intelligence/audit")
public class IntelligenceAuditResource extends AuditResourceBase {

    public IntelligenceAuditResource(AuditQueries queries) {
        super(queries);
    }
}
