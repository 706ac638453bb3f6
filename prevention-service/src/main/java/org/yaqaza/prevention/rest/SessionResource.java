package org.yaqaza.prevention.rest;

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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.yaqaza.common.security.CurrentCaller;
import org.yaqaza.prevention.api.AttendanceRequest;
import org.yaqaza.prevention.api.AttendanceView;
import org.yaqaza.prevention.api.ProgressView;
import org.yaqaza.prevention.api.SessionRequest;
import org.yaqaza.prevention.api.SessionView;
import org.yaqaza.prevention.service.SessionService;
import org.yaqaza.prevention.security.PreventionAccess;

import io.quarkus.security.PermissionsAllowed;

@Path("/api/prevention")
@Produces(MediaType.APPLICATION_JSON)
@PermissionsAllowed(PreventionAccess.CASE_DATA)
public class SessionResource {

    private final SessionService sessions;
    private final CurrentCaller caller;

    public SessionResource(SessionService sessions, CurrentCaller caller) {
        this.sessions = sessions;
        this.caller = caller;
    }

    @POST
    @Path("/editions/{id}/sessions")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@PathParam("id") UUID editionId, @Valid @NotNull SessionRequest request) {
        return Response.status(201).entity(sessions.view(sessions.create(caller.get(), editionId, request))).build();
    }

    @GET
    @Path("/editions/{id}/sessions")
    public List<SessionView> list(@PathParam("id") UUID editionId) {
        return sessions.ofEdition(caller.get(), editionId).stream().map(sessions::view).toList();
    }

    @PUT
    @Path("/sessions/{id}/attendance")
    @Consumes(MediaType.APPLICATION_JSON)
    public List<AttendanceView> record(@PathParam("id") UUID sessionId,
            @Valid @NotNull AttendanceRequest request) {
        sessions.record(caller.get(), sessionId, request);
        return sessions.attendance(caller.get(), sessionId);
    }

    @GET
    @Path("/sessions/{id}/attendance")
    public List<AttendanceView> attendance(@PathParam("id") UUID sessionId) {
        return sessions.attendance(caller.get(), sessionId);
    }

    @GET
    @Path("/enrolments/{id}/progress")
    public ProgressView progress(@PathParam("id") UUID enrolmentId) {
        return sessions.progress(caller.get(), enrolmentId);
    }
}
