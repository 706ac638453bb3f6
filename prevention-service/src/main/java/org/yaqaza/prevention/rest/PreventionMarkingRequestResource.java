package org.yaqaza.prevention.rest;

import jakarta.ws.rs.Path;

import org.yaqaza.common.marking.MarkingRequestResourceBase;
import org.yaqaza.common.marking.MarkingRequestService;
import org.yaqaza.common.security.CurrentCaller;

/** Marking requests for programmes and participants (common machinery; prevention staff only). */
@Path(PreventionMarkingRequestResource.PATH)
public class PreventionMarkingRequestResource extends MarkingRequestResourceBase {

    static final String PATH = "/api/prevention/marking-requests";

    public PreventionMarkingRequestResource(MarkingRequestService service, CurrentCaller caller) {
        super(service, caller, PATH);
    }
}
