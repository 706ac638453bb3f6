package org.yaqaza.prevention.rest;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.yaqaza.common.security.CurrentCaller;
import org.yaqaza.prevention.api.ContactRequest;
import org.yaqaza.prevention.api.ContactView;
import org.yaqaza.prevention.api.FollowUpEndRequest;
import org.yaqaza.prevention.api.FollowUpView;
import org.yaqaza.prevention.api.MilestoneRequest;
import org.yaqaza.prevention.api.OverdueContact;
import org.yaqaza.prevention.api.ReleaseRequest;
import org.yaqaza.prevention.api.ReleaseView;
import org.yaqaza.prevention.api.ReoffenceRequest;
import org.yaqaza.prevention.mapping.FollowUpMapper;
import org.yaqaza.prevention.model.ReleaseRecord;
import org.yaqaza.prevention.service.FollowUpService;
import org.yaqaza.prevention.security.PreventionAccess;

import io.quarkus.security.PermissionsAllowed;

@Path("/api/prevention")
@Produces(MediaType.APPLICATION_JSON)
@PermissionsAllowed(PreventionAccess.CASE_DATA)
public class FollowUpResource {

    private final FollowUpService followUp;
    private final CurrentCaller caller;
    private final Clock clock;

    public FollowUpResource(FollowUpService followUp, CurrentCaller caller, Clock clock) {
        this.followUp = followUp;
        this.caller = caller;
        this.clock = clock;
    }

    @GET
    @Path("/participants/{code}/follow-up")
    public FollowUpView view(@PathParam("code") String code) {
        return followUp.view(caller.get(), code);
    }

    @POST
    @Path("/participants/{code}/releases")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response release(@PathParam("code") String code, @Valid @NotNull ReleaseRequest request) {
        ReleaseRecord r = followUp.release(caller.get(), code, request);
        return Response.status(201).entity(FollowUpMapper.toView(r, List.of())).build();
    }

    @POST
    @Path("/releases/{id}/end")
    @Consumes(MediaType.APPLICATION_JSON)
    public ReleaseView end(@PathParam("id") UUID id, @Valid @NotNull FollowUpEndRequest request) {
        return FollowUpMapper.toView(followUp.endFollowUp(caller.get(), id, request.endedOn()), List.of());
    }

    @PUT
    @Path("/follow-up-contacts/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public ContactView contact(@PathParam("id") UUID id,
            @Valid @NotNull ContactRequest request) {
        return FollowUpMapper.toView(followUp.recordContact(caller.get(), id, request));
    }

    @GET
    @Path("/follow-up-contacts/overdue")
    public List<OverdueContact> overdue(@QueryParam("asOf") LocalDate asOf) {
        return followUp.overdue(caller.get(), asOf == null ? LocalDate.now(clock) : asOf);
    }

    @POST
    @Path("/participants/{code}/milestones")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response milestone(@PathParam("code") String code,
            @Valid @NotNull MilestoneRequest request) {
        return Response.status(201).entity(FollowUpMapper.toView(followUp.milestone(caller.get(), code, request)))
                .build();
    }

    @POST
    @Path("/participants/{code}/reoffences")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response reoffence(@PathParam("code") String code,
            @Valid @NotNull ReoffenceRequest request) {
        return Response.status(201).entity(FollowUpMapper.toView(followUp.reoffence(caller.get(), code, request)))
                .build();
    }
}
