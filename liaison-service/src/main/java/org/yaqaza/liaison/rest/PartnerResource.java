package org.yaqaza.liaison.rest;

import java.net.URI;
import java.time.Instant;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.yaqaza.common.persistence.Count;
import org.yaqaza.common.persistence.ETags;
import org.yaqaza.common.persistence.Page;
import org.yaqaza.common.persistence.PageRequest;
import org.yaqaza.common.persistence.SortField;
import org.yaqaza.common.persistence.Sorting;
import org.yaqaza.common.persistence.Versions;
import org.yaqaza.common.security.CurrentCaller;
import org.yaqaza.common.security.Role;
import org.yaqaza.liaison.api.PartnerRequest;
import org.yaqaza.liaison.api.PartnerView;
import org.yaqaza.liaison.mapping.PartnerMapper;
import org.yaqaza.liaison.model.Partner;
import org.yaqaza.liaison.model.PartnerStatus;
import org.yaqaza.liaison.service.PartnerService;

@Path("/api/liaison/partners")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Role.LIAISON_OFFICER, Role.SUPERVISOR })
public class PartnerResource {

    private final PartnerService service;
    private final CurrentCaller caller;

    public PartnerResource(PartnerService service, CurrentCaller caller) {
        this.service = service;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.LIAISON_OFFICER)
    public Response create(@Valid @NotNull PartnerRequest request) {
        PartnerView created = PartnerMapper.toView(service.create(caller.get(), request));
        return ETags.created(URI.create("/api/liaison/partners/" + created.id()), created, created.version());
    }

    @GET
    @Path("/{id}")
    public Response get(@PathParam("id") UUID id) {
        PartnerView partner = PartnerMapper.toView(service.get(caller.get(), id));
        return ETags.ok(partner, partner.version());
    }

    /** The orders of the partner list. */
    public static final Sorting<Partner> SORTING = Sorting.of("-createdAt",
            SortField.of("createdAt", "createdAt", Instant.class, r -> r.createdAt),
            SortField.text("code", "code", r -> r.code),
            SortField.text("country", "country", r -> r.country),
            SortField.text("serviceName", "serviceName", r -> r.serviceName),
            SortField.of("status", "status", PartnerStatus.class, r -> r.status));

    @GET
    public Page<PartnerView> list(@QueryParam("status") PartnerStatus status, @QueryParam("cursor") String cursor,
            @QueryParam("limit") Integer limit,
            @Parameter(description = "Order: one of "
                    + "createdAt, code, country, serviceName, status"
                    + ", '-' first for descending; default -createdAt") @QueryParam("sort") String sort) {
        return service.list(caller.get(), status, PageRequest.sorted(cursor, limit, sort, SORTING))
                .map(PartnerMapper::toView);
    }

    @GET
    @Path("/count")
    public Count count(@QueryParam("status") PartnerStatus status) {
        return new Count(service.count(caller.get(), status));
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.LIAISON_OFFICER)
    public Response update(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull PartnerRequest request) {
        Long version = Versions.fromIfMatch(ifMatch);
        PartnerView updated = PartnerMapper.toView(service.update(caller.get(), id, request, version));
        return ETags.ok(updated, updated.version());
    }
}
