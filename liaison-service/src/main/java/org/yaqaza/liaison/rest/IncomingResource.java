package org.yaqaza.liaison.rest;

import java.time.Instant;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.yaqaza.common.persistence.Page;
import org.yaqaza.common.persistence.PageRequest;
import org.yaqaza.common.persistence.SortField;
import org.yaqaza.common.persistence.Sorting;
import org.yaqaza.common.security.CurrentCaller;
import org.yaqaza.common.security.Role;
import org.yaqaza.liaison.api.SubmissionView;
import org.yaqaza.liaison.mapping.LiaisonMapper;
import org.yaqaza.liaison.model.PartnerSubmission;
import org.yaqaza.liaison.service.SubmissionService;

/** What partners sent us, and whether it has reached the intelligence-service. */
@Path("/api/liaison/incoming")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Role.LIAISON_OFFICER, Role.SUPERVISOR })
public class IncomingResource {

    private final SubmissionService service;
    private final CurrentCaller caller;

    public IncomingResource(SubmissionService service, CurrentCaller caller) {
        this.service = service;
        this.caller = caller;
    }

    /** The orders of the incoming intelligence list. */
    public static final Sorting<PartnerSubmission> SORTING = Sorting.of("-createdAt",
            SortField.of("createdAt", "createdAt", Instant.class, r -> r.createdAt),
            SortField.of("collectedAt", "collectedAt", Instant.class, r -> r.collectedAt),
            SortField.text("title", "title", r -> r.title),
            SortField.text("partner", "partnerCode", r -> r.partnerCode));

    @GET
    public Page<SubmissionView> list(@QueryParam("partner") String partner, @QueryParam("cursor") String cursor,
            @QueryParam("limit") Integer limit,
            @Parameter(description = "Order: one of "
                    + "createdAt, collectedAt, title, partner"
                    + ", '-' first for descending; default -createdAt") @QueryParam("sort") String sort) {
        return service.list(caller.get(), partner, PageRequest.sorted(cursor, limit, sort, SORTING))
                .map(LiaisonMapper::submission);
    }

    @GET
    @Path("/{id}")
    public SubmissionView get(@PathParam("id") UUID id) {
        return LiaisonMapper.submission(service.get(caller.get(), id));
    }
}
