package org.yaqaza.prevention.rest;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.yaqaza.common.persistence.Page;
import org.yaqaza.common.persistence.PageRequest;
import org.yaqaza.common.persistence.SortField;
import org.yaqaza.common.persistence.Sorting;
import org.yaqaza.common.security.CurrentCaller;
import org.yaqaza.prevention.api.ConsentRequest;
import org.yaqaza.prevention.api.ConsentView;
import org.yaqaza.prevention.api.DisclosureRequest;
import org.yaqaza.prevention.api.IdentityView;
import org.yaqaza.prevention.api.ParticipantView;
import org.yaqaza.prevention.api.RegisterRequest;
import org.yaqaza.prevention.api.WithdrawalRequest;
import org.yaqaza.prevention.mapping.ParticipantMapper;
import org.yaqaza.prevention.model.Participant;
import org.yaqaza.prevention.security.PreventionAccess;
import org.yaqaza.prevention.service.ParticipantService;

import io.quarkus.security.PermissionsAllowed;

/** Participants by pseudonymous code; the identity only through a purpose-bound, audited disclosure. */
@Path("/api/prevention")
@Produces(MediaType.APPLICATION_JSON)
@PermissionsAllowed(PreventionAccess.CASE_DATA)
public class ParticipantResource {

    private final ParticipantService service;
    private final CurrentCaller caller;

    public ParticipantResource(ParticipantService service, CurrentCaller caller) {
        this.service = service;
        this.caller = caller;
    }

    @POST
    @Path("/participants")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response register(@Valid @NotNull RegisterRequest request) {
        ParticipantView created = service.view(service.register(caller.get(), request));
        return Response.created(URI.create("/api/prevention/participants/" + created.code())).entity(created)
                .build();
    }

    /** The orders of the participant list (pseudonymous codes; names are never sortable). */
    public static final Sorting<Participant> SORTING = Sorting.of("-createdAt",
            SortField.of("createdAt", "createdAt", Instant.class, r -> r.createdAt),
            SortField.text("code", "code", r -> r.code));

    @GET
    @Path("/participants")
    public Page<ParticipantView> list(@QueryParam("cursor") String cursor,
            @QueryParam("limit") Integer limit,
            @Parameter(description = "Order: one of "
                    + "createdAt, code"
                    + ", '-' first for descending; default -createdAt") @QueryParam("sort") String sort) {
        return service.list(caller.get(), PageRequest.sorted(cursor, limit, sort, SORTING))
                .map(service::view);
    }

    @GET
    @Path("/participants/{code}")
    public ParticipantView get(@PathParam("code") String code) {
        return service.view(service.get(caller.get(), code));
    }

    /** A disclosure is a write: it states its purpose and leaves an audit event. */
    @POST
    @Path("/participants/{code}/identity-disclosures")
    @Consumes(MediaType.APPLICATION_JSON)
    public IdentityView disclose(@PathParam("code") String code,
            @Valid @NotNull DisclosureRequest request) {
        return service.disclose(caller.get(), code, request.purpose());
    }

    @GET
    @Path("/participants/{code}/consents")
    public List<ConsentView> consents(@PathParam("code") String code) {
        return service.consents(caller.get(), code).stream().map(ParticipantMapper::toView).toList();
    }

    @POST
    @Path("/participants/{code}/consents")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response addConsent(@PathParam("code") String code,
            @Valid @NotNull ConsentRequest request) {
        return Response.status(201).entity(ParticipantMapper.toView(service.addConsent(caller.get(), code, request)))
                .build();
    }

    @POST
    @Path("/participants/{code}/consents/{id}/withdrawal")
    @Consumes(MediaType.APPLICATION_JSON)
    public ConsentView withdraw(@PathParam("code") String code, @PathParam("id") UUID id,
            @Valid @NotNull WithdrawalRequest request) {
        return ParticipantMapper.toView(service.withdraw(caller.get(), code, id, request.withdrawnOn()));
    }
}
