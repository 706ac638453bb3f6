package org.yaqaza.console.service;

import java.util.List;
import java.util.UUID;

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

import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.yaqaza.console.api.Page;
import org.yaqaza.console.api.prevention.Assessment;
import org.yaqaza.console.api.prevention.AttendanceEntry;
import org.yaqaza.console.api.prevention.CertificateCheck;
import org.yaqaza.console.api.prevention.CertificateRecord;
import org.yaqaza.console.api.prevention.EditionSummary;
import org.yaqaza.console.api.prevention.EnrolmentSummary;
import org.yaqaza.console.api.prevention.FollowUp;
import org.yaqaza.console.api.prevention.Instrument;
import org.yaqaza.console.api.prevention.Evaluation;
import org.yaqaza.console.api.prevention.ModuleSummary;
import org.yaqaza.console.api.prevention.ProgrammeSummary;
import org.yaqaza.console.api.prevention.Referral;
import org.yaqaza.console.api.prevention.Requests;
import org.yaqaza.console.api.prevention.SessionSummary;

/**
 * The prevention service ({@code /api/prevention/**}, docs/prevention.md) through the gateway, as the signed-in
 * user: the service applies its firewall and the visibility rule to every call; the console only shows the answer.
 */
@RegisterRestClient(configKey = "gateway")
@RegisterClientHeaders(UserToken.class)
@Path("/api/prevention")
public interface PreventionApi {

    @GET
    @Path("/programmes")
    Page<ProgrammeSummary> programmes(@QueryParam("kind") String kind, @QueryParam("cursor") String cursor,
            @QueryParam("limit") int limit, @QueryParam("sort") String sort);

    @GET
    @Path("/programmes/{id}")
    ProgrammeSummary programme(@PathParam("id") UUID id);

    @GET
    @Path("/programmes/{id}/modules")
    List<ModuleSummary> modules(@PathParam("id") UUID programmeId);

    @GET
    @Path("/programmes/{id}/editions")
    List<EditionSummary> editions(@PathParam("id") UUID programmeId);

    @GET
    @Path("/editions/{id}")
    EditionSummary edition(@PathParam("id") UUID id);

    @GET
    @Path("/editions/{id}/enrolments")
    List<EnrolmentSummary> enrolments(@PathParam("id") UUID editionId, @QueryParam("state") String state);

    @POST
    @Path("/editions/{id}/enrolments")
    @Consumes(MediaType.APPLICATION_JSON)
    EnrolmentSummary apply(@PathParam("id") UUID editionId, Requests.Application application);

    @POST
    @Path("/enrolments/{id}/transitions")
    @Consumes(MediaType.APPLICATION_JSON)
    EnrolmentSummary transition(@PathParam("id") UUID enrolmentId, Requests.Transition transition);

    @GET
    @Path("/editions/{id}/sessions")
    List<SessionSummary> sessions(@PathParam("id") UUID editionId);

    @POST
    @Path("/editions/{id}/sessions")
    @Consumes(MediaType.APPLICATION_JSON)
    SessionSummary createSession(@PathParam("id") UUID editionId, Requests.Session session);

    @GET
    @Path("/sessions/{id}/attendance")
    List<AttendanceEntry> attendance(@PathParam("id") UUID sessionId);

    @PUT
    @Path("/sessions/{id}/attendance")
    @Consumes(MediaType.APPLICATION_JSON)
    List<AttendanceEntry> recordAttendance(@PathParam("id") UUID sessionId, Requests.Attendance attendance);

    @GET
    @Path("/programmes/{id}/evaluation")
    @Produces(MediaType.APPLICATION_JSON)
    Evaluation programmeEvaluation(@PathParam("id") UUID programmeId, @QueryParam("asOf") String asOf);

    @GET
    @Path("/editions/{id}/evaluation")
    @Produces(MediaType.APPLICATION_JSON)
    Evaluation editionEvaluation(@PathParam("id") UUID editionId, @QueryParam("asOf") String asOf);

    @GET
    @Path("/certificates/{number}/validity")
    CertificateCheck validity(@PathParam("number") String number, @QueryParam("on") String on);

    @GET
    @Path("/enrolments/{id}")
    EnrolmentSummary enrolment(@PathParam("id") UUID id);

    @GET
    @Path("/enrolments/{id}/assessments")
    List<Assessment> assessments(@PathParam("id") UUID enrolmentId);

    @GET
    @Path("/assessments/{id}")
    Assessment assessment(@PathParam("id") UUID id);

    @GET
    @Path("/assessments/{id}/comparison")
    Assessment.Comparison comparison(@PathParam("id") UUID id);

    @GET
    @Path("/assessments/due")
    List<Assessment.Due> assessmentsDue(@QueryParam("asOf") String asOf);

    @GET
    @Path("/follow-up-contacts/overdue")
    List<FollowUp.Overdue> overdueContacts(@QueryParam("asOf") String asOf);

    @GET
    @Path("/participants/{code}/follow-up")
    FollowUp followUp(@PathParam("code") String code);

    @PUT
    @Path("/follow-up-contacts/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    FollowUp.Contact recordContact(@PathParam("id") UUID contactId, Requests.Contact contact);

    @GET
    @Path("/referrals")
    Page<Referral> referrals(@QueryParam("status") String status, @QueryParam("cursor") String cursor,
            @QueryParam("limit") int limit, @QueryParam("sort") String sort);

    @POST
    @Path("/referrals/{id}/decision")
    @Consumes(MediaType.APPLICATION_JSON)
    Referral decideReferral(@PathParam("id") UUID id, Requests.Decision decision);

    @POST
    @Path("/handovers")
    @Consumes(MediaType.APPLICATION_JSON)
    Referral.Handover requestHandover(Requests.Handover handover);

    @GET
    @Path("/handovers/{id}")
    Referral.Handover handover(@PathParam("id") UUID id);

    @POST
    @Path("/handovers/{id}/decision")
    @Consumes(MediaType.APPLICATION_JSON)
    Referral.Handover decideHandover(@PathParam("id") UUID id, Requests.Decision decision);

    @GET
    @Path("/instruments")
    List<Instrument> instruments();

    @POST
    @Path("/enrolments/{id}/assessments")
    @Consumes(MediaType.APPLICATION_JSON)
    Assessment assess(@PathParam("id") UUID enrolmentId, Requests.Assessment assessment);

    @GET
    @Path("/certificates/{number}")
    CertificateRecord certificate(@PathParam("number") String number);

    @GET
    @Path("/certificates")
    Page<CertificateRecord> certificates(@QueryParam("status") String status,
            @QueryParam("expiringWithin") String expiringWithin, @QueryParam("q") String q,
            @QueryParam("cursor") String cursor, @QueryParam("limit") int limit, @QueryParam("sort") String sort);

    @POST
    @Path("/certificates")
    @Consumes(MediaType.APPLICATION_JSON)
    CertificateRecord issueCertificate(Requests.Issue issue);

    @POST
    @Path("/certificates/{number}/renewals")
    @Consumes(MediaType.APPLICATION_JSON)
    CertificateRecord renewCertificate(@PathParam("number") String number, Requests.Renewal renewal);

    @POST
    @Path("/certificates/{number}/revocation")
    @Consumes(MediaType.APPLICATION_JSON)
    CertificateRecord revokeCertificate(@PathParam("number") String number, Requests.Revocation revocation);

    @GET
    @Path("/handovers")
    Page<Referral.Handover> handovers(@QueryParam("state") String state, @QueryParam("cursor") String cursor,
            @QueryParam("limit") int limit, @QueryParam("sort") String sort);

    @POST
    @Path("/programmes")
    @Consumes(MediaType.APPLICATION_JSON)
    ProgrammeSummary createProgramme(Requests.Programme programme);

    @PUT
    @Path("/programmes/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    ProgrammeSummary updateProgramme(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
            Requests.Programme programme);

    @POST
    @Path("/programmes/{id}/modules")
    @Consumes(MediaType.APPLICATION_JSON)
    ModuleSummary addModule(@PathParam("id") UUID programmeId, Requests.Module module);

    @POST
    @Path("/programmes/{id}/editions")
    @Consumes(MediaType.APPLICATION_JSON)
    EditionSummary createEdition(@PathParam("id") UUID programmeId, Requests.Edition edition);

    @POST
    @Path("/participants")
    @Consumes(MediaType.APPLICATION_JSON)
    Requests.Registered register(Requests.Registration registration);
}
