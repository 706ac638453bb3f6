package org.yaqaza.prevention.rest;

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
import org.yaqaza.common.security.CurrentCaller;
import org.yaqaza.common.security.Role;
import org.yaqaza.prevention.api.EditionRequest;
import org.yaqaza.prevention.api.EditionView;
import org.yaqaza.prevention.api.EvaluationView;
import org.yaqaza.prevention.api.ModuleRequest;
import org.yaqaza.prevention.api.ModuleView;
import org.yaqaza.prevention.api.ProgrammeRequest;
import org.yaqaza.prevention.api.ProgrammeView;
import org.yaqaza.prevention.mapping.EditionMapper;
import org.yaqaza.prevention.mapping.ProgrammeMapper;
import org.yaqaza.prevention.model.Programme;
import org.yaqaza.prevention.model.ProgrammeKind;
import org.yaqaza.prevention.service.EvaluationService;
import org.yaqaza.prevention.service.ProgrammeService;

@Path("/api/prevention")
@Produces(MediaType.APPLICATION_JSON)
// the prevention firewall: intelligence and liaison roles never reach programme data
@RolesAllowed({ Role.PREVENTION_OFFICER, Role.SUPERVISOR })
public class ProgrammeResource {

    private final ProgrammeService service;
    private final EvaluationService evaluation;
    private final CurrentCaller caller;

    public ProgrammeResource(ProgrammeService service, EvaluationService evaluation, CurrentCaller caller) {
        this.service = service;
        this.evaluation = evaluation;
        this.caller = caller;
    }

    @POST
    @Path("/programmes")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.PREVENTION_OFFICER)
    public Response create(@Valid @NotNull ProgrammeRequest request) {
        ProgrammeView created = ProgrammeMapper.toView(service.create(caller.get(), request));
        return ETags.created(URI.create("/api/prevention/programmes/" + created.id()), created, created.version());
    }

    @GET
    @Path("/programmes/{id}")
    public Response get(@PathParam("id") UUID id) {
        ProgrammeView programme = ProgrammeMapper.toView(service.get(caller.get(), id));
        return ETags.ok(programme, programme.version());
    }

    /** The orders of the programme list. */
    public static final Sorting<Programme> SORTING = Sorting.of("-createdAt",
            SortField.of("createdAt", "createdAt", Instant.class, r -> r.createdAt),
            SortField.text("name", "name", r -> r.name),
            SortField.text("region", "region", r -> r.region));

    @GET
    @Path("/programmes")
    public Page<ProgrammeView> list(@QueryParam("kind") ProgrammeKind kind, @QueryParam("cursor") String cursor,
            @QueryParam("limit") Integer limit,
            @Parameter(description = "Order: one of "
                    + "createdAt, name, region"
                    + ", '-' first for descending; default -createdAt") @QueryParam("sort") String sort) {
        return service.list(caller.get(), kind, PageRequest.sorted(cursor, limit, sort, SORTING))
                .map(ProgrammeMapper::toView);
    }

    @GET
    @Path("/programmes/count")
    public Count count(@QueryParam("kind") ProgrammeKind kind) {
        return new Count(service.count(caller.get(), kind));
    }

    @PUT
    @Path("/programmes/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.PREVENTION_OFFICER)
    public Response update(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull ProgrammeRequest request) {
        Long version = Versions.fromIfMatch(ifMatch);
        ProgrammeView updated = ProgrammeMapper.toView(service.update(caller.get(), id, request, version));
        return ETags.ok(updated, updated.version());
    }

    @POST
    @Path("/programmes/{id}/modules")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.PREVENTION_OFFICER)
    public Response addModule(@PathParam("id") UUID id, @Valid @NotNull ModuleRequest request) {
        return Response.status(201).entity(EditionMapper.toView(service.addModule(caller.get(), id, request)))
                .build();
    }

    @GET
    @Path("/programmes/{id}/modules")
    public List<ModuleView> modules(@PathParam("id") UUID id) {
        return service.modules(caller.get(), id).stream().map(EditionMapper::toView).toList();
    }

    @POST
    @Path("/programmes/{id}/editions")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.PREVENTION_OFFICER)
    public Response createEdition(@PathParam("id") UUID id, @Valid @NotNull EditionRequest request) {
        EditionView created = service.view(caller.get(), service.createEdition(caller.get(), id, request));
        return Response.created(URI.create("/api/prevention/editions/" + created.id())).entity(created).build();
    }

    @GET
    @Path("/programmes/{id}/editions")
    public List<EditionView> editions(@PathParam("id") UUID id) {
        return service.editions(caller.get(), id).stream().map(e -> service.view(caller.get(), e)).toList();
    }

    /** Aggregate figures only: open to the intelligence roles as well (the firewall keeps case data closed). */
    @GET
    @Path("/programmes/{id}/evaluation")
    @RolesAllowed({ Role.PREVENTION_OFFICER, Role.SUPERVISOR, Role.ANALYST, Role.COLLECTOR, Role.LIAISON_OFFICER,
            Role.AUDITOR })
    public EvaluationView evaluation(@PathParam("id") UUID id, @QueryParam("asOf") String asOf) {
        return evaluation.programme(caller.get(), id, evaluation.asOf(asOf));
    }

    @GET
    @Path("/programmes/{id}/evaluation.svg")
    @Produces("image/svg+xml")
    @RolesAllowed({ Role.PREVENTION_OFFICER, Role.SUPERVISOR, Role.ANALYST, Role.COLLECTOR, Role.LIAISON_OFFICER,
            Role.AUDITOR })
    public String evaluationChart(@PathParam("id") UUID id, @QueryParam("asOf") String asOf) {
        return EvaluationCharts.svg(evaluation.programme(caller.get(), id, evaluation.asOf(asOf)));
    }
}
