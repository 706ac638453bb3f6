package org.yaqaza.intelligence.rest;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.yaqaza.common.security.CurrentCaller;
import org.yaqaza.common.security.Role;
import org.yaqaza.intelligence.api.LinkSuggestion;
import org.yaqaza.intelligence.api.RelationshipRequest;
import org.yaqaza.intelligence.api.RelationshipView;
import org.yaqaza.intelligence.api.SuggestionDismissRequest;
import org.yaqaza.intelligence.suggestion.SuggestionService;

/** Suggested relationships from co-mentions (docs/intelligence.md, "Suggested relationships"). */
@Path("/api/intelligence/suggestions")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Role.COLLECTOR, Role.ANALYST, Role.SUPERVISOR })
public class SuggestionResource {

    private final SuggestionService service;
    private final CurrentCaller caller;

    public SuggestionResource(SuggestionService service, CurrentCaller caller) {
        this.service = service;
        this.caller = caller;
    }

    @GET
    public List<LinkSuggestion> list(@QueryParam("entityId") UUID entityId,
            @QueryParam("limit") @Min(1) @Max(500) Integer limit) {
        return service.list(caller.get(), entityId, limit);
    }

    /**
     * 201 with the relationship made of the suggestion, as {@code POST /relationships} would create it, supported by
     * the suggestion's reports (those the request lists are not used).
     */
    @POST
    @Path("/accept")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Role.ANALYST, Role.SUPERVISOR })
    public Response accept(@Valid @NotNull RelationshipRequest request) {
        RelationshipView created = service.accept(caller.get(), request);
        return Response.created(URI.create("/api/intelligence/relationships/" + created.id())).entity(created).build();
    }

    @POST
    @Path("/dismiss")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Role.ANALYST, Role.SUPERVISOR })
    public Response dismiss(@Valid @NotNull SuggestionDismissRequest request) {
        service.dismiss(caller.get(), request.entityA(), request.entityB());
        return Response.noContent().build();
    }
}
