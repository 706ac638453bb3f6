package org.yaqaza.intelligence.rest;

import jakarta.ws.rs.Path;

import org.yaqaza.common.marking.MarkingRequestResourceBase;
import org.yaqaza.common.marking.MarkingRequestService;
import org.yaqaza.common.security.CurrentCaller;

/** Marking requests for reports, entities, relationships, products, assessments and cases (common machinery). */
@Path(IntelligenceMarkingRequestResource.PATH)
public class IntelligenceMarkingRequestResource extends MarkingRequestResourceBase {

    static final String PATH = "/api/intelligence/marking-requests";

    public IntelligenceMarkingRequestResource(MarkingRequestService service, CurrentCaller caller) {
        super(service, caller, PATH);
    }
}
