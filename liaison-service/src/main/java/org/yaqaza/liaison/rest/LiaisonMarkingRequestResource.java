package org.yaqaza.liaison.rest;

import jakarta.ws.rs.Path;

import org.yaqaza.common.marking.MarkingRequestResourceBase;
import org.yaqaza.common.marking.MarkingRequestService;
import org.yaqaza.common.security.CurrentCaller;

/** Marking requests for partners, releases, warnings, RFIs and partner submissions (common machinery). */
@Path(LiaisonMarkingRequestResource.PATH)
public class LiaisonMarkingRequestResource extends MarkingRequestResourceBase {

    static final String PATH = "/api/liaison/marking-requests";

    public LiaisonMarkingRequestResource(MarkingRequestService service, CurrentCaller caller) {
        super(service, caller, PATH);
    }
}
