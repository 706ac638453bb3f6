package org.yaqaza.gateway.rest;

import jakarta.ws.rs.Path;

import org.yaqaza.common.audit.AuditQueries;
import org.yaqaza.common.audit.AuditResourceBase;

/** The gateway's own trail: token issuance and refusals, directory administration. */
@Path("/api/gateway/audit")
public class GatewayAuditResource extends AuditResourceBase {

    public GatewayAuditResource(AuditQueries queries) {
        super(queries);
    }
}
