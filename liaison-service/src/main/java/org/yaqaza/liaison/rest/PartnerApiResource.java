package org.yaqaza.liaison.rest;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
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
import org.yaqaza.common.security.CurrentCaller;
import org.yaqaza.common.security.Role;
import org.yaqaza.liaison.api.FeedbackRequest;
import org.yaqaza.liaison.api.FeedbackView;
import org.yaqaza.liaison.api.PartnerReleaseView;
import org.yaqaza.liaison.api.PartnerWarningView;
import org.yaqaza.liaison.api.PartnerRfiView;
import org.yaqaza.liaison.api.RfiReplyRequest;
import org.yaqaza.liaison.api.RfiRequest;
import org.yaqaza.liaison.api.RfiView;
import org.yaqaza.liaison.api.SubmissionRequest;
import org.yaqaza.liaison.api.SubmissionView;
import org.yaqaza.liaison.mapping.LiaisonMapper;
import org.yaqaza.liaison.service.OutgoingRfiService;
import org.yaqaza.liaison.service.PartnerReleaseService;
import org.yaqaza.liaison.service.ReleaseService;
import org.yaqaza.liaison.service.RfiService;
import org.yaqaza.liaison.service.SubmissionService;
import org.yaqaza.liaison.service.WarningService;

/**
 * The partner systems' REST API: what was released or sent to the calling partner, and what it sends us.
 * Anything else answers 404; every request is audited ({@link org.yaqaza.liaison.audit.PartnerAuditFilter}).
 */
@Path("/api/liaison/partner")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.PARTNER)
public class PartnerApiResource {

    private final PartnerReleaseService releases;
    private final ReleaseService releaseService;
    private final WarningService warnings;
    private final SubmissionService submissions;
    private final RfiService rfis;
    private final OutgoingRfiService outgoingRfis;
    private final CurrentCaller caller;
    private final Clock clock;

    public PartnerApiResource(PartnerReleaseService releases, ReleaseService releaseService, WarningService warnings,
            SubmissionService submissions, RfiService rfis, OutgoingRfiService outgoingRfis, CurrentCaller caller,
            Clock clock) {
        this.releases = releases;
        this.releaseService = releaseService;
        this.warnings = warnings;
        this.submissions = submissions;
        this.rfis = rfis;
        this.outgoingRfis = outgoingRfis;
        this.caller = caller;
        this.clock = clock;
    }

    @GET
    @Path("/releases")
    public Page<PartnerReleaseView> releases(@QueryParam("cursor") String cursor,
            @QueryParam("limit") Integer limit) {
        return releases.list(caller.get(), PageRequest.of(cursor, limit))
                .map(r -> LiaisonMapper.partnerRelease(r.release(), r.recipient()));
    }

    @GET
    @Path("/releases/{id}")
    public PartnerReleaseView release(@PathParam("id") UUID id) {
        var r = releases.get(caller.get(), id);
        return LiaisonMapper.partnerRelease(r.release(), r.recipient());
    }

    /** The release as a STIX 2.1 bundle. */
    @GET
    @Path("/releases/{id}/stix")
    @Produces("application/stix+json")
    public Response releaseStix(@PathParam("id") UUID id) {
        var r = releases.get(caller.get(), id);
        return Response.ok(releaseService.bundle(r.release(), r.recipient().partnerCode).toString())
                .type("application/stix+json;version=2.1").build();
    }

    @POST
    @Path("/releases/{id}/acknowledge")
    public PartnerReleaseView acknowledge(@PathParam("id") UUID id) {
        var r = releases.acknowledge(caller.get(), id);
        return LiaisonMapper.partnerRelease(r.release(), r.recipient());
    }

    @POST
    @Path("/releases/{id}/feedback")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response feedback(@PathParam("id") UUID id, @Valid @NotNull FeedbackRequest request) {
        FeedbackView view = LiaisonMapper.feedback(releases.feedback(caller.get(), id, request));
        return Response.status(201).entity(view).build();
    }

    @GET
    @Path("/warnings")
    public List<PartnerWarningView> warnings(@QueryParam("limit") Integer limit) {
        return warnings.forPartner(caller.get(), PageRequest.of(null, limit).limit()).stream()
                .map(LiaisonMapper::partnerWarning).toList();
    }

    @GET
    @Path("/warnings/{id}")
    public PartnerWarningView warning(@PathParam("id") UUID id) {
        return LiaisonMapper.partnerWarning(warnings.getForPartner(caller.get(), id));
    }

    @POST
    @Path("/warnings/{id}/acknowledge")
    public PartnerWarningView acknowledgeWarning(@PathParam("id") UUID id) {
        return LiaisonMapper.partnerWarning(warnings.acknowledge(caller.get(), id));
    }

    /** Stored and acknowledged at once (202): delivery to the intelligence-service follows via the outbox. */
    @POST
    @Path("/intelligence")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response submit(@Valid @NotNull SubmissionRequest request) {
        SubmissionView view = LiaisonMapper.submission(submissions.receive(caller.get(), request));
        return Response.accepted(view).location(URI.create("/api/liaison/partner/intelligence/" + view.id()))
                .build();
    }

    @GET
    @Path("/intelligence")
    public List<SubmissionView> submissions(@QueryParam("limit") Integer limit) {
        return submissions.ownSubmissions(caller.get(), PageRequest.of(null, limit).limit()).stream()
                .map(LiaisonMapper::submission).toList();
    }

    @GET
    @Path("/intelligence/{id}")
    public SubmissionView submission(@PathParam("id") UUID id) {
        return LiaisonMapper.submission(submissions.ownSubmission(caller.get(), id));
    }

    @POST
    @Path("/rfis")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response requestInformation(@Valid @NotNull RfiRequest request) {
        RfiView view = LiaisonMapper.rfi(rfis.receive(caller.get(), request), today());
        return Response.created(URI.create("/api/liaison/partner/rfis/" + view.id())).entity(view).build();
    }

    @GET
    @Path("/rfis")
    public List<RfiView> ownRfis(@QueryParam("limit") Integer limit) {
        LocalDate today = today();
        return rfis.ownRfis(caller.get(), PageRequest.of(null, limit).limit()).stream()
                .map(r -> LiaisonMapper.rfi(r, today))
                .toList();
    }

    @GET
    @Path("/rfis/{id}")
    public RfiView ownRfi(@PathParam("id") UUID id) {
        return LiaisonMapper.rfi(rfis.ownRfi(caller.get(), id), today());
    }

    /** Requests for information we sent to this partner (never another partner's: 404 like a missing id). */
    @GET
    @Path("/rfis-received")
    public List<PartnerRfiView> rfisReceived(@QueryParam("limit") Integer limit) {
        LocalDate today = today();
        return outgoingRfis.forPartner(caller.get(), PageRequest.of(null, limit).limit()).stream()
                .map(r -> LiaisonMapper.partnerRfi(r, today)).toList();
    }

    @GET
    @Path("/rfis-received/{id}")
    public PartnerRfiView rfiReceived(@PathParam("id") UUID id) {
        return LiaisonMapper.partnerRfi(outgoingRfis.getForPartner(caller.get(), id), today());
    }

    /** The partner's answer, once, before the due date passes (409 otherwise). */
    @POST
    @Path("/rfis-received/{id}/answer")
    @Consumes(MediaType.APPLICATION_JSON)
    public PartnerRfiView answerRfi(@PathParam("id") UUID id, @Valid @NotNull RfiReplyRequest request) {
        return LiaisonMapper.partnerRfi(outgoingRfis.answer(caller.get(), id, request.answer()), today());
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }
}
