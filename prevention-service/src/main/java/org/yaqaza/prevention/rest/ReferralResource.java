package org.yaqaza.prevention.rest;

import java.net.URI;
import java.time.Instant;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
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

import org.yaqaza.common.persistence.Page;
import org.yaqaza.common.persistence.PageRequest;
import org.yaqaza.common.persistence.SortField;
import org.yaqaza.common.persistence.Sorting;
import org.yaqaza.common.security.CurrentCaller;
import org.yaqaza.common.security.Role;
import org.yaqaza.prevention.api.DecisionRequest;
import org.yaqaza.prevention.api.HandoverPackage;
import org.yaqaza.prevention.api.HandoverRequest;
import org.yaqaza.prevention.api.HandoverState;
import org.yaqaza.prevention.api.HandoverView;
import org.yaqaza.prevention.api.ReferralRequest;
import org.yaqaza.prevention.api.ReferralView;
import org.yaqaza.prevention.mapping.ReferralMapper;
import org.yaqaza.prevention.model.DecisionStatus;
import org.yaqaza.prevention.model.Handover;
import org.yaqaza.prevention.model.ProgrammeKind;
import org.yaqaza.prevention.model.Referral;
import org.yaqaza.prevention.service.ReferralService;
import org.yaqaza.prevention.security.PreventionAccess;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import io.quarkus.security.PermissionsAllowed;

/** Referrals into programmes and handovers back: explicit, approved by a prevention supervisor, audited. */
@Path("/api/prevention")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Role.PREVENTION_OFFICER, Role.SUPERVISOR })
public class ReferralResource {

    private final ReferralService service;
    private final CurrentCaller caller;

    public ReferralResource(ReferralService service, CurrentCaller caller) {
        this.service = service;
        this.caller = caller;
    }

    @POST
    @Path("/referrals")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.SUPERVISOR)
    public Response refer(@Valid @NotNull ReferralRequest request) {
        Referral r = service.refer(caller.get(), request);
        return Response.created(URI.create("/api/prevention/referrals/" + r.id))
                .entity(ReferralMapper.toStatus(r)).build();
    }

    @GET
    @Path("/referrals/{id}")
    public Response get(@PathParam("id") UUID id) {
        Referral r = service.get(caller.get(), id);
        Object body = service.isReferrer(caller.get(), r)
                ? ReferralMapper.toStatus(r) : service.view(r);
        return Response.ok(body).build();
    }

    /** The orders of the referral list (no names: the identity is sealed until a decision). */
    public static final Sorting<Referral> REFERRAL_SORTING = Sorting.of("-createdAt",
            SortField.of("createdAt", "createdAt", Instant.class, r -> r.createdAt),
            SortField.of("status", "status", DecisionStatus.class, r -> r.status),
            SortField.of("programmeKind", "programmeKind", ProgrammeKind.class, r -> r.programmeKind),
            SortField.text("region", "region", r -> r.region),
            SortField.text("referringAgency", "referringAgency", r -> r.referringAgency));

    /** The orders of the handover list (the participant's pseudonymous code is not among them: no join). */
    public static final Sorting<Handover> HANDOVER_SORTING = Sorting.of("-createdAt",
            SortField.of("createdAt", "createdAt", Instant.class, h -> h.createdAt),
            SortField.of("status", "status", DecisionStatus.class, h -> h.status),
            SortField.text("recipientAgency", "recipientAgency", h -> h.recipientAgency));

    /** Referrals for prevention staff, keyset-paged, filtered by status and sorted on the server. */
    @GET
    @Path("/referrals")
    @PermissionsAllowed(PreventionAccess.CASE_DATA)
    public Page<ReferralView> list(@QueryParam("status") DecisionStatus status,
            @QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit,
            @Parameter(description = "Order: one of createdAt, status, programmeKind, region, referringAgency"
                    + ", '-' first for descending; default -createdAt") @QueryParam("sort") String sort) {
        return service.list(caller.get(), status, PageRequest.sorted(cursor, limit, sort, REFERRAL_SORTING))
                .map(service::view);
    }

    @POST
    @Path("/referrals/{id}/decision")
    @PermissionsAllowed(PreventionAccess.APPROVAL)
    @Consumes(MediaType.APPLICATION_JSON)
    public ReferralView decide(@PathParam("id") UUID id, @Valid @NotNull DecisionRequest decision) {
        return service.view(service.decide(caller.get(), id, decision));
    }

    @POST
    @Path("/handovers")
    @PermissionsAllowed(PreventionAccess.CASE_DATA)
    @Consumes(MediaType.APPLICATION_JSON)
    public Response requestHandover(@Valid @NotNull HandoverRequest request) {
        HandoverView h = service.view(service.requestHandover(caller.get(), request));
        return Response.created(URI.create("/api/prevention/handovers/" + h.id())).entity(h).build();
    }

    /** Every handover the caller could open by its id, pending or decided; prevention staff only. */
    @GET
    @Path("/handovers")
    @PermissionsAllowed(PreventionAccess.CASE_DATA)
    public Page<HandoverView> handovers(
            @QueryParam("state") @Parameter(schema = @Schema(enumeration = { "PENDING", "DECIDED" })) String state,
            @QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit,
            @Parameter(description = "Order: one of createdAt, status, recipientAgency"
                    + ", '-' first for descending; default -createdAt") @QueryParam("sort") String sort) {
        HandoverState filter = QueryEnums.parse(HandoverState.class, state, "state");
        return service.listHandovers(caller.get(), filter, PageRequest.sorted(cursor, limit, sort, HANDOVER_SORTING))
                .map(service::view);
    }

    @GET
    @Path("/handovers/{id}")
    @PermissionsAllowed(PreventionAccess.CASE_DATA)
    public HandoverView handover(@PathParam("id") UUID id) {
        return service.view(service.getHandover(caller.get(), id));
    }

    @POST
    @Path("/handovers/{id}/decision")
    @PermissionsAllowed(PreventionAccess.APPROVAL)
    @Consumes(MediaType.APPLICATION_JSON)
    public HandoverView decideHandover(@PathParam("id") UUID id,
            @Valid @NotNull DecisionRequest decision) {
        return service.view(service.decideHandover(caller.get(), id, decision));
    }

    /** For the recipient agency's supervisors, once approved. */
    @GET
    @Path("/handovers/{id}/package")
    @RolesAllowed(Role.SUPERVISOR)
    public HandoverPackage receive(@PathParam("id") UUID id) {
        return service.receive(caller.get(), id);
    }
}
