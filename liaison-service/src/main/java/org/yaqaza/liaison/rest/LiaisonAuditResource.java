package org.yaqaza.liaison.rest;

import jakarta.ws.rs.Path;

import org.yaqaza.common.audit.AuditQueries;
import org.yaqaza.common.audit.AuditResourceBase;

@Path("/api/liaison/audit")
public class LiaisonAuditResource extends AuditResourceBase {

    public LiaisonAuditResource(AuditQueries queries) {
        super(queries);
    }
}
