package org.yaqaza.liaison.rest;

import java.net.URI;
import java.time.Instant;
import java.util.List;
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
import org.yaqaza.common.problem.ProblemException;
import org.yaqaza.common.security.CurrentCaller;
import org.yaqaza.common.security.Role;
import org.yaqaza.liaison.api.CorrectionRequest;
import org.yaqaza.liaison.api.FeedbackView;
import org.yaqaza.liaison.api.ReasonRequest;
import org.yaqaza.liaison.api.ReleaseCheckView;
import org.yaqaza.liaison.api.ReleaseRequest;
import org.yaqaza.liaison.api.ReleaseView;
import org.yaqaza.liaison.mapping.LiaisonMapper;
import org.yaqaza.liaison.model.Release;
import org.yaqaza.liaison.model.ReleaseStatus;
import org.yaqaza.liaison.service.PartnerReleaseService;
import org.yaqaza.liaison.service.ReleaseService;

/** Releases of intelligence products to partners (liaison officers draft and submit, supervisors approve). */
@Path("/api/liaison/releases")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Role.LIAISON_OFFICER, Role.SUPERVISOR })
public class ReleaseResource {

    private final ReleaseService service;
    private final PartnerReleaseService partnerSide;
    private final CurrentCaller caller;

    public ReleaseResource(ReleaseService service, PartnerReleaseService partnerSide, CurrentCaller caller) {
        this.service = service;
        this.partnerSide = partnerSide;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.LIAISON_OFFICER)
    public Response create(@Valid @NotNull ReleaseRequest request) {
        ReleaseView view = view(service.create(caller.get(), request, null));
        return ETags.created(URI.create("/api/liaison/releases/" + view.id()), view, view.version());
    }

    /**
     * Runs the release checks on a proposed release without drafting it: 200 with each partner's answer (the rule
     * and the reason in words when refused). The same body as {@code POST /api/liaison/releases}.
     */
    @POST
    @Path("/check")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.LIAISON_OFFICER)
    public ReleaseCheckView check(@Valid @NotNull ReleaseRequest request) {
        return service.dryRun(caller.get(), request);
    }

    /** The orders of the release list; a release not yet sent sorts by its creation under releasedAt. */
    public static final Sorting<Release> SORTING = Sorting.of("-createdAt",
            SortField.of("createdAt", "createdAt", Instant.class, r -> r.createdAt),
            SortField.of("releasedAt", "coalesce(releasedAt, createdAt)", Instant.class,
                    r -> r.releasedAt != null ? r.releasedAt : r.createdAt),
            SortField.text("title", "title", r -> r.title),
            SortField.of("status", "status", ReleaseStatus.class, r -> r.status));

    @GET
    public Page<ReleaseView> list(@QueryParam("status") ReleaseStatus status, @QueryParam("partner") String partner,
            @QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit,
            @Parameter(description = "Order: one of "
                    + "createdAt, releasedAt, title, status"
                    + ", '-' first for descending; default -createdAt") @QueryParam("sort") String sort) {
        return service.list(caller.get(), status, partner, PageRequest.sorted(cursor, limit, sort, SORTING))
                .map(this::view);
    }

    @GET
    @Path("/count")
    public Count count(@QueryParam("status") ReleaseStatus status) {
        return new Count(service.count(caller.get(), status));
    }

    @GET
    @Path("/{id}")
    public Response get(@PathParam("id") UUID id) {
        ReleaseView view = view(service.get(caller.get(), id));
        return ETags.ok(view, view.version());
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.LIAISON_OFFICER)
    public Response update(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull ReleaseRequest request) {
        ReleaseView view = view(service.update(caller.get(), id, request, Versions.fromIfMatch(ifMatch)));
        return ETags.ok(view, view.version());
    }

    @POST
    @Path("/{id}/submit")
    @RolesAllowed(Role.LIAISON_OFFICER)
    public ReleaseView submit(@PathParam("id") UUID id) {
        return view(service.submit(caller.get(), id));
    }

    @POST
    @Path("/{id}/approve")
    @RolesAllowed(Role.SUPERVISOR)
    public ReleaseView approve(@PathParam("id") UUID id) {
        return view(service.approve(caller.get(), id));
    }

    @POST
    @Path("/{id}/reject")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.SUPERVISOR)
    public ReleaseView reject(@PathParam("id") UUID id, @Valid @NotNull ReasonRequest request) {
        return view(service.reject(caller.get(), id, request.reason()));
    }

    /** A correction: a new draft version referencing this released one. */
    @POST
    @Path("/{id}/corrections")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.LIAISON_OFFICER)
    public Response correct(@PathParam("id") UUID id, @Valid @NotNull CorrectionRequest request) {
        ReleaseView view = view(service.correct(caller.get(), id, request));
        return ETags.created(URI.create("/api/liaison/releases/" + view.id()), view, view.version());
    }

    @GET
    @Path("/{id}/feedback")
    public List<FeedbackView> feedback(@PathParam("id") UUID id) {
        Release release = service.get(caller.get(), id);
        return partnerSide.feedbackOf(release.id).stream().map(LiaisonMapper::feedback).toList();
    }

    /** The STIX 2.1 bundle one partner received (or would receive) for this version. */
    @GET
    @Path("/{id}/stix")
    public Response stix(@PathParam("id") UUID id, @QueryParam("partner") String partner) {
        Release release = service.get(caller.get(), id);
        if (!release.status.released()) {
            throw ProblemException.conflict("Not released", "STIX output exists once the release is released.");
        }
        if (partner == null || !List.of(release.partnerCodes).contains(partner)) {
            throw ProblemException.badRequest("Invalid partner", "partner must be one of the release's partners.",
                    "partner");
        }
        return Response.ok(service.bundle(release, partner).toString()).type("application/stix+json;version=2.1")
                .build();
    }

    private ReleaseView view(Release release) {
        return LiaisonMapper.release(release, service.recipientsOf(release.id));
    }
}
