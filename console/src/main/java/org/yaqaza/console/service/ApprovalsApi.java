package org.yaqaza.console.service;

import java.util.List;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.yaqaza.console.api.AssessmentView;
import org.yaqaza.console.api.CaseView;
import org.yaqaza.console.api.DecisionNote;
import org.yaqaza.console.api.MarkingRequestView;
import org.yaqaza.console.api.Page;

/**
 * The lists of what waits for a second person and their decisions, through the gateway, as the signed-in
 * supervisor. {@code service} is one of {@code ApprovalsPagesResource.MARKING_SOURCES}, never user text.
 */
@RegisterRestClient(configKey = "gateway")
@RegisterClientHeaders(UserToken.class)
@Path("/api")
public interface ApprovalsApi {

    @GET
    @Path("/intelligence/assessments/pending")
    List<AssessmentView> pendingAssessments();

    @POST
    @Path("/intelligence/assessments/{id}/approve")
    @Consumes(MediaType.APPLICATION_JSON)
    AssessmentView approveAssessment(@PathParam("id") String id, DecisionNote note);

    @POST
    @Path("/intelligence/assessments/{id}/reject")
    @Consumes(MediaType.APPLICATION_JSON)
    AssessmentView rejectAssessment(@PathParam("id") String id, DecisionNote note);

    @GET
    @Path("/intelligence/cases")
    Page<CaseView> cases(@QueryParam("status") String status, @QueryParam("cursor") String cursor,
            @QueryParam("limit") int limit);

    @POST
    @Path("/intelligence/cases/{caseId}/interventions/{id}/approve")
    CaseView approveIntervention(@PathParam("caseId") String caseId, @PathParam("id") String id);

    @POST
    @Path("/intelligence/cases/{caseId}/interventions/{id}/reject")
    CaseView rejectIntervention(@PathParam("caseId") String caseId, @PathParam("id") String id);

    @GET
    @Path("/{service}/marking-requests")
    Page<MarkingRequestView> markingRequests(@PathParam("service") String service,
            @QueryParam("status") String status, @QueryParam("cursor") String cursor,
            @QueryParam("limit") int limit);

    @POST
    @Path("/{service}/marking-requests/{id}/approve")
    @Consumes(MediaType.APPLICATION_JSON)
    MarkingRequestView approveMarking(@PathParam("service") String service, @PathParam("id") String id,
            DecisionNote note);

    @POST
    @Path("/{service}/marking-requests/{id}/reject")
    @Consumes(MediaType.APPLICATION_JSON)
    MarkingRequestView rejectMarking(@PathParam("service") String service, @PathParam("id") String id,
            DecisionNote note);
}
