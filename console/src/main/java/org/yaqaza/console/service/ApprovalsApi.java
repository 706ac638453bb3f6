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
import org.yaqaza.console.api.LiaisonViews;
import org.yaqaza.console.api.MarkingRequestView;
import org.yaqaza.console.api.Page;
import org.yaqaza.console.api.prevention.Referral;
import org.yaqaza.console.api.prevention.Requests;

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

    // ---- liaison: releases and warnings at SECRET and above, third-party consents, agreement widenings

    @GET
    @Path("/liaison/releases")
    Page<LiaisonViews.Release> liaisonReleases(@QueryParam("status") String status,
            @QueryParam("cursor") String cursor, @QueryParam("limit") int limit);

    @POST
    @Path("/liaison/releases/{id}/approve")
    LiaisonViews.Release approveRelease(@PathParam("id") String id);

    @POST
    @Path("/liaison/releases/{id}/reject")
    @Consumes(MediaType.APPLICATION_JSON)
    LiaisonViews.Release rejectRelease(@PathParam("id") String id, Reason reason);

    @GET
    @Path("/liaison/warnings")
    Page<LiaisonViews.Warning> liaisonWarnings(@QueryParam("status") String status,
            @QueryParam("cursor") String cursor, @QueryParam("limit") int limit);

    @POST
    @Path("/liaison/warnings/{id}/approve")
    LiaisonViews.Warning approveWarning(@PathParam("id") String id);

    @POST
    @Path("/liaison/warnings/{id}/reject")
    @Consumes(MediaType.APPLICATION_JSON)
    LiaisonViews.Warning rejectWarning(@PathParam("id") String id, Reason reason);

    @GET
    @Path("/liaison/consents")
    List<LiaisonViews.Consent> liaisonConsents();

    @POST
    @Path("/liaison/consents/{id}/approve")
    LiaisonViews.Consent approveConsent(@PathParam("id") String id);

    @POST
    @Path("/liaison/consents/{id}/reject")
    LiaisonViews.Consent rejectConsent(@PathParam("id") String id);

    @GET
    @Path("/liaison/partners")
    Page<LiaisonViews.Partner> liaisonPartners(@QueryParam("cursor") String cursor, @QueryParam("limit") int limit);

    @GET
    @Path("/liaison/partners/{id}/agreements")
    List<LiaisonViews.Agreement> liaisonAgreements(@PathParam("id") String partnerId);

    @POST
    @Path("/liaison/partners/{partnerId}/agreements/{id}/widening/approve")
    LiaisonViews.Agreement approveWidening(@PathParam("partnerId") String partnerId, @PathParam("id") String id);

    @POST
    @Path("/liaison/partners/{partnerId}/agreements/{id}/widening/reject")
    LiaisonViews.Agreement rejectWidening(@PathParam("partnerId") String partnerId, @PathParam("id") String id);

    /** The body of a liaison rejection (the liaison API requires a reason). */
    record Reason(String reason) {
    }

    /** Prevention referrals (prevention staff only: the inbox asks only for prevention supervisors). */
    @GET
    @Path("/prevention/referrals")
    Page<Referral> preventionReferrals(@QueryParam("status") String status, @QueryParam("cursor") String cursor,
            @QueryParam("limit") int limit);

    @POST
    @Path("/prevention/referrals/{id}/decision")
    @Consumes(MediaType.APPLICATION_JSON)
    Referral decideReferral(@PathParam("id") String id, Requests.Decision decision);

    @GET
    @Path("/prevention/handovers")
    Page<Referral.Handover> preventionHandovers(@QueryParam("state") String state, @QueryParam("cursor") String cursor,
            @QueryParam("limit") int limit);

    @POST
    @Path("/prevention/handovers/{id}/decision")
    @Consumes(MediaType.APPLICATION_JSON)
    Referral.Handover decideHandover(@PathParam("id") String id, Requests.Decision decision);
}
