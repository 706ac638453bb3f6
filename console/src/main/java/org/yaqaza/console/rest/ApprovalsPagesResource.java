package org.yaqaza.console.rest;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestForm;
import org.yaqaza.console.api.ApprovalItem;
import org.yaqaza.console.api.AssessmentView;
import org.yaqaza.console.api.CaseView;
import org.yaqaza.console.api.DecisionNote;
import org.yaqaza.console.api.DirectoryChangeView;
import org.yaqaza.console.api.LiaisonViews;
import org.yaqaza.console.api.MarkingRequestView;
import org.yaqaza.console.api.Page;
import org.yaqaza.console.api.prevention.Referral;
import org.yaqaza.console.api.prevention.Requests;
import org.yaqaza.console.service.AdminApi;
import org.yaqaza.console.service.ApprovalsApi;
import org.yaqaza.console.web.ApiProblems;
import org.yaqaza.console.web.Pages;
import org.yaqaza.console.web.PreventionGate;
import org.yaqaza.console.web.Redirects;
import org.yaqaza.console.web.RoleGate;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.common.annotation.Blocking;

/**
 * The supervisors' approvals inbox (issue 19 item 1): everything that waits for a second person and that the
 * user's token may see, from every service the user may use, oldest first, with Approve / Reject. Supervisors
 * only (404 otherwise). The services decide every call: the inbox only marks the user's own requests as not
 * approvable (the services' four-eyes rule) and shows a refused decision in the API's words.
 */
@Path("/approvals")
@Authenticated
@Blocking
@Produces(MediaType.TEXT_HTML)
public class ApprovalsPagesResource {

    static final String ROLE = "supervisor";
    /** Directory grants wait for a second administrator (the gateway's four-eyes rule): listed to administrators. */
    static final String ADMIN_ROLE = AdminPagesResource.ROLE;
    static final String GATEWAY = "gateway";
    static final String DIRECTORY = "directory";
    static final String ASSESSMENT = "assessment";
    static final String MARKING = "marking";
    static final String INTERVENTION = "intervention";
    /** Liaison: releases and warnings at SECRET and above, third-party consents, agreement widenings. */
    static final String RELEASE = "release";
    static final String WARNING = "warning";
    static final String CONSENT = "consent";
    static final String WIDENING = "widening";
    /** Prevention: referrals into a programme and handovers of a participant's file. */
    static final String REFERRAL = "referral";
    static final String HANDOVER = "handover";
    /** The case states in which interventions are requested (the intelligence service's rule). */
    static final List<String> INTERVENTION_CASE_STATES = List.of("UNDER_SURVEILLANCE", "INTERVENTION");
    /** Marking requests are read page by page (newest first) up to this many pages per service. */
    static final int PAGE_LIMIT = 200;
    static final int MAX_PAGES = 5;

    private final ApprovalsApi api;
    private final AdminApi admin;
    private final Pages pages;
    private final RoleGate gate;
    private final SecurityIdentity identity;
    private final Template inbox;

    public ApprovalsPagesResource(@RestClient ApprovalsApi api, @RestClient AdminApi admin, Pages pages,
            RoleGate gate, SecurityIdentity identity, @Location("approvals/inbox") Template inbox) {
        this.api = api;
        this.admin = admin;
        this.pages = pages;
        this.gate = gate;
        this.identity = identity;
        this.inbox = inbox;
    }

    @GET
    public Response inbox(@QueryParam("done") String done) {
        gate.requireAny(ROLE, ADMIN_ROLE);
        return inboxPage(200, null, "approved".equals(done) || "rejected".equals(done) ? done : null);
    }

    @POST
    @Path("/{source}/{kind}/{id}/approve")
    public Response approve(@PathParam("source") String source, @PathParam("kind") String kind,
            @PathParam("id") String id, @RestForm String note) {
        gate.require(ROLE);
        return decide(source, kind, id, note, true);
    }

    @POST
    @Path("/{source}/{kind}/{id}/reject")
    public Response reject(@PathParam("source") String source, @PathParam("kind") String kind,
            @PathParam("id") String id, @RestForm String note) {
        gate.require(ROLE);
        return decide(source, kind, id, note, false);
    }

    /** Interventions are decided within their case: the API names both. */
    @POST
    @Path("/intelligence/intervention/{caseId}/{id}/approve")
    public Response approveIntervention(@PathParam("caseId") String caseId, @PathParam("id") String id) {
        gate.require(ROLE);
        return decideIntervention(caseId, id, true);
    }

    @POST
    @Path("/intelligence/intervention/{caseId}/{id}/reject")
    public Response rejectIntervention(@PathParam("caseId") String caseId, @PathParam("id") String id) {
        gate.require(ROLE);
        return decideIntervention(caseId, id, false);
    }

    /** A directory grant is decided by a second administrator, through the gateway's directory API. */
    @POST
    @Path("/gateway/directory/{id}/approve")
    public Response approveDirectoryChange(@PathParam("id") String id) {
        gate.require(ADMIN_ROLE);
        String change = ReportPagesResource.uuidOrNotFound(id);
        return decided(true, () -> admin.approve(change));
    }

    @POST
    @Path("/gateway/directory/{id}/reject")
    public Response rejectDirectoryChange(@PathParam("id") String id) {
        gate.require(ADMIN_ROLE);
        String change = ReportPagesResource.uuidOrNotFound(id);
        return decided(false, () -> admin.reject(change));
    }

    /** Agreement widenings are decided within their partner: the API names both. */
    @POST
    @Path("/liaison/widening/{partnerId}/{id}/approve")
    public Response approveWidening(@PathParam("partnerId") String partnerId, @PathParam("id") String id) {
        gate.require(ROLE);
        return decideWidening(partnerId, id, true);
    }

    @POST
    @Path("/liaison/widening/{partnerId}/{id}/reject")
    public Response rejectWidening(@PathParam("partnerId") String partnerId, @PathParam("id") String id) {
        gate.require(ROLE);
        return decideWidening(partnerId, id, false);
    }

    private Response decideWidening(String partnerId, String id, boolean approve) {
        String partner = ReportPagesResource.uuidOrNotFound(partnerId);
        String agreement = ReportPagesResource.uuidOrNotFound(id);
        if (!sources().contains("liaison")) {
            throw new NotFoundException();
        }
        return decided(approve, () -> {
            if (approve) {
                api.approveWidening(partner, agreement);
            } else {
                api.rejectWidening(partner, agreement);
            }
        });
    }

    private Response decideIntervention(String caseId, String id, boolean approve) {
        String theCase = ReportPagesResource.uuidOrNotFound(caseId);
        String intervention = ReportPagesResource.uuidOrNotFound(id);
        if (!sources().contains("intelligence")) {
            throw new NotFoundException();
        }
        return decided(approve, () -> {
            if (approve) {
                api.approveIntervention(theCase, intervention);
            } else {
                api.rejectIntervention(theCase, intervention);
            }
        });
    }

    /**
     * The services the user's token may ask. The prevention firewall, by the console's one rule of the prevention
     * agency ({@link PreventionGate#agencySupervisor}): supervisors of the prevention agency use prevention only,
     * everyone else never calls prevention at all.
     */
    List<String> sources() {
        return PreventionGate.agencySupervisor(identity) ? List.of("prevention") : List.of("intelligence", "liaison");
    }

    private Response decide(String source, String kind, String id, String note, boolean approve) {
        String itemId = ReportPagesResource.uuidOrNotFound(id);
        boolean liaisonKind = "liaison".equals(source) && List.of(RELEASE, WARNING, CONSENT).contains(kind);
        boolean preventionKind = "prevention".equals(source) && List.of(REFERRAL, HANDOVER).contains(kind);
        if (!sources().contains(source)
                || !(MARKING.equals(kind) || ASSESSMENT.equals(kind) && "intelligence".equals(source)
                        || liaisonKind || preventionKind)) {
            throw new NotFoundException();
        }
        DecisionNote decision = new DecisionNote(note == null || note.isBlank() ? null : note.strip());
        // the liaison API asks a rejection's reason (the note); an approval there takes none
        ApprovalsApi.Reason reason = new ApprovalsApi.Reason(decision.note());
        // the prevention API asks a reason for either decision (its audit records it)
        Requests.Decision preventionDecision = new Requests.Decision(approve ? "APPROVED" : "DECLINED",
                decision.note(), null);
        return decided(approve, () -> {
            if (preventionKind && REFERRAL.equals(kind)) {
                api.decideReferral(itemId, preventionDecision);
            } else if (preventionKind) {
                api.decideHandover(itemId, preventionDecision);
            } else if (RELEASE.equals(kind) && liaisonKind) {
                if (approve) {
                    api.approveRelease(itemId);
                } else {
                    api.rejectRelease(itemId, reason);
                }
            } else if (WARNING.equals(kind) && liaisonKind) {
                if (approve) {
                    api.approveWarning(itemId);
                } else {
                    api.rejectWarning(itemId, reason);
                }
            } else if (CONSENT.equals(kind) && liaisonKind) {
                if (approve) {
                    api.approveConsent(itemId);
                } else {
                    api.rejectConsent(itemId);
                }
            } else if (ASSESSMENT.equals(kind)) {
                if (approve) {
                    api.approveAssessment(itemId, decision);
                } else {
                    api.rejectAssessment(itemId, decision);
                }
            } else if (approve) {
                api.approveMarking(source, itemId, decision);
            } else {
                api.rejectMarking(source, itemId, decision);
            }
        });
    }

    /** A refused decision (four-eyes, stale, already decided) is shown above the inbox in the API's words. */
    private Response decided(boolean approve, Runnable decision) {
        try {
            decision.run();
        } catch (WebApplicationException refused) {
            int status = refused.getResponse().getStatus();
            if (status == 400 || status == 403 || status == 409 || status == 422) {
                return inboxPage(status, ApiProblems.refusal(refused).detail(), null);
            }
            throw refused;
        }
        return Redirects.seeOther("/console/approvals?done=" + (approve ? "approved" : "rejected")).build();
    }

    private Response inboxPage(int httpStatus, String detail, String done) {
        String me = gate.subject();
        List<ApprovalItem> items = new ArrayList<>();
        // list (source-kind) → why it is not (fully) listed (refused, unreachable, more than the inbox reads)
        Map<String, String> notes = new LinkedHashMap<>();
        if (gate.has(ADMIN_ROLE)) {
            read(notes, GATEWAY + "-" + DIRECTORY, () -> directoryChanges(items, me));
        }
        // an administrator who is not a supervisor decides only directory grants here
        for (String source : gate.has(ROLE) ? sources() : List.<String>of()) {
            if ("intelligence".equals(source)) {
                read(notes, source + "-" + ASSESSMENT, () -> {
                    for (AssessmentView a : api.pendingAssessments()) {
                        items.add(new ApprovalItem(source, ASSESSMENT, null, a.id(), "entity " + a.subjectId(), null,
                                a.threatLevel() + " · " + a.category(), a.rationale(), a.createdBy(),
                                a.createdAt(), a.classification(), a.ownerAgency(), own(me, a.createdBy())));
                    }
                    return false;
                });
                read(notes, source + "-" + INTERVENTION, () -> interventions(items, me));
            }
            if ("liaison".equals(source)) {
                liaison(items, notes, me);
            }
            if ("prevention".equals(source)) {
                prevention(items, notes, me);
            }
            read(notes, source + "-" + MARKING, () -> {
                String cursor = null;
                for (int page = 0; page < MAX_PAGES; page++) {
                    Page<MarkingRequestView> found = api.markingRequests(source, "PENDING", cursor, PAGE_LIMIT);
                    for (MarkingRequestView m : found.items()) {
                        items.add(new ApprovalItem(source, MARKING, null, m.id(), m.objectType() + " " + m.objectId(),
                                m.from() == null ? null : m.from().text(), m.to() == null ? null : m.to().text(),
                                m.reason(), m.requestedBy(), m.requestedAt(), m.classification(),
                                m.ownerAgency(), own(me, m.requestedBy())));
                    }
                    cursor = found.nextCursor();
                    if (cursor == null) {
                        return false;
                    }
                }
                return true;
            });
        }
        // oldest first: the longest wait is the most overdue (no service gives a deadline for a decision)
        items.sort(Comparator.comparing(ApprovalItem::requestedAt, Comparator.nullsFirst(Comparator.naturalOrder()))
                .thenComparing(ApprovalItem::key));
        List<String> markings = items.stream().map(ApprovalItem::classification).toList();
        return Response.status(httpStatus).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(pages.render(inbox, markings)
                        .data("items", items)
                        .data("notes", notes)
                        .data("detail", detail)
                        .data("done", done)
                        .data("oldest", items.isEmpty() ? null : items.get(0).requestedAt())
                        .render())
                .build();
    }

    /** Directory grants waiting for a second administrator, with the gateway's four-eyes reasons. */
    private boolean directoryChanges(List<ApprovalItem> items, String me) {
        String cursor = null;
        for (int page = 0; page < MAX_PAGES; page++) {
            Page<DirectoryChangeView> found = admin.changes("PENDING", cursor, PAGE_LIMIT);
            for (DirectoryChangeView c : found.items()) {
                items.add(new ApprovalItem(GATEWAY, DIRECTORY, null, c.id(), c.kind() + " " + c.name(),
                        c.oldValues(), c.newValues(), c.action() + (c.reasons() == null || c.reasons().isEmpty()
                                ? "" : " · " + String.join(", ", c.reasons())),
                        c.requestedBy(), c.requestedAt(), null, null, AdminPagesResource.notApprovable(me, c)));
            }
            cursor = found.nextCursor();
            if (cursor == null) {
                return false;
            }
        }
        return true;
    }

    /**
     * Interventions awaiting approval, read from the cases in the states where they are requested. The API gives
     * no request time for an intervention: its planned date (start of day, UTC) stands for it in the order.
     */
    private boolean interventions(List<ApprovalItem> items, String me) {
        boolean more = false;
        for (String state : INTERVENTION_CASE_STATES) {
            String cursor = null;
            int page = 0;
            do {
                Page<CaseView> found = api.cases(state, cursor, PAGE_LIMIT);
                for (CaseView c : found.items()) {
                    for (CaseView.InterventionView i : c.interventions() == null
                            ? List.<CaseView.InterventionView>of() : c.interventions()) {
                        if ("PENDING_APPROVAL".equals(i.status())) {
                            items.add(new ApprovalItem("intelligence", INTERVENTION, c.id(), i.id(), c.title(),
                                    null, i.date() + " · " + i.place() + " · " + i.arrests(),
                                    i.seizures() == null ? null : String.join(", ", i.seizures()),
                                    i.requestedBy(), i.date() == null ? null
                                            : i.date().atStartOfDay(ZoneOffset.UTC).toInstant(),
                                    c.classification(), c.ownerAgency(), own(me, i.requestedBy())));
                        }
                    }
                }
                cursor = found.nextCursor();
                page++;
            } while (cursor != null && page < MAX_PAGES);
            more |= cursor != null;
        }
        return more;
    }

    /**
     * The liaison items: releases and warnings waiting for approval (SECRET and above: the liaison service's rule),
     * pending third-party consents, pending agreement widenings. Four-eyes as the liaison API applies it: a release's
     * creator or submitter, a warning's author, a consent's recorder, a widening's proposer may not decide.
     */
    private void liaison(List<ApprovalItem> items, Map<String, String> notes, String me) {
        String source = "liaison";
        read(notes, source + "-" + RELEASE, () -> {
            String cursor = null;
            for (int page = 0; page < MAX_PAGES; page++) {
                Page<LiaisonViews.Release> found = api.liaisonReleases("PENDING_APPROVAL", cursor, PAGE_LIMIT);
                for (LiaisonViews.Release r : found.items()) {
                    items.add(new ApprovalItem(source, RELEASE, null, r.id(), r.title(), null,
                            "TLP:" + r.tlp() + " → " + String.join(", ", r.partners()), r.note(),
                            r.submittedBy() == null ? r.createdBy() : r.submittedBy(),
                            r.submittedAt() == null ? r.createdAt() : r.submittedAt(), r.classification(),
                            r.ownerAgency(), own(me, r.createdBy()) != null ? "own-request" : own(me, r.submittedBy())));
                }
                cursor = found.nextCursor();
                if (cursor == null) {
                    return false;
                }
            }
            return true;
        });
        read(notes, source + "-" + WARNING, () -> {
            String cursor = null;
            for (int page = 0; page < MAX_PAGES; page++) {
                Page<LiaisonViews.Warning> found = api.liaisonWarnings("PENDING_APPROVAL", cursor, PAGE_LIMIT);
                for (LiaisonViews.Warning w : found.items()) {
                    // the API gives a pending warning no request time: it is listed with the unknown times, first
                    items.add(new ApprovalItem(source, WARNING, null, w.id(), w.title(), null,
                            w.precedence() + " · TLP:" + w.tlp() + " → " + w.partner(), w.category(), w.createdBy(),
                            null, w.classification(), null, own(me, w.createdBy())));
                }
                cursor = found.nextCursor();
                if (cursor == null) {
                    return false;
                }
            }
            return true;
        });
        read(notes, source + "-" + CONSENT, () -> {
            for (LiaisonViews.Consent c : api.liaisonConsents()) {
                if ("PENDING".equals(c.status())) {
                    String scope = c.productId() != null ? "product " + c.productId()
                            : c.category() + " · " + c.validFrom() + " – " + c.validTo();
                    items.add(new ApprovalItem(source, CONSENT, null, c.id(),
                            c.originatorPartner() + " → " + c.recipientPartner(), null, scope, c.reference(),
                            c.recordedBy(), c.recordedAt(), null, null, own(me, c.recordedBy())));
                }
            }
            return false;
        });
        read(notes, source + "-" + WIDENING, () -> {
            Page<LiaisonViews.Partner> partners = api.liaisonPartners(null, PAGE_LIMIT);
            for (LiaisonViews.Partner p : partners.items()) {
                for (LiaisonViews.Agreement a : api.liaisonAgreements(p.id())) {
                    boolean pending = a.pendingCeiling() != null
                            || a.pendingCategories() != null && !a.pendingCategories().isEmpty();
                    if (pending) {
                        items.add(new ApprovalItem(source, WIDENING, p.id(), a.id(),
                                p.code() + " · " + (a.reference() == null ? "" : a.reference()),
                                a.ceiling() + " · " + String.join(", ", a.categories()),
                                (a.pendingCeiling() == null ? a.ceiling() : a.pendingCeiling()) + " · "
                                        + String.join(", ", a.pendingCategories() == null
                                                || a.pendingCategories().isEmpty() ? a.categories()
                                                        : a.pendingCategories()),
                                null, a.proposedBy(), a.proposedAt(), p.classification(), null,
                                own(me, a.proposedBy())));
                    }
                }
            }
            return partners.nextCursor() != null;
        });
    }

    /**
     * The prevention items: pending referrals into a programme (another agency's supervisor asked; the identity
     * stays sealed until approval, so the inbox shows purpose and summary only) and handovers waiting for a
     * prevention supervisor other than their requester (the prevention API's four-eyes rule).
     */
    private void prevention(List<ApprovalItem> items, Map<String, String> notes, String me) {
        String source = "prevention";
        read(notes, source + "-" + REFERRAL, () -> {
            String cursor = null;
            for (int page = 0; page < MAX_PAGES; page++) {
                Page<Referral> found = api.preventionReferrals("PENDING", cursor, PAGE_LIMIT);
                for (Referral r : found.items()) {
                    items.add(new ApprovalItem(source, REFERRAL, null, r.id().toString(),
                            r.referringAgency() + " → " + r.programmeKind(), null,
                            r.programmeKind() + " · " + (r.region() == null ? "" : r.region()),
                            r.purpose() + (r.summary() == null ? "" : " — " + r.summary()), r.referredBy(),
                            r.createdAt(), null, null, own(me, r.referredBy())));
                }
                cursor = found.nextCursor();
                if (cursor == null) {
                    return false;
                }
            }
            return true;
        });
        read(notes, source + "-" + HANDOVER, () -> {
            String cursor = null;
            for (int page = 0; page < MAX_PAGES; page++) {
                Page<Referral.Handover> found = api.preventionHandovers("PENDING", cursor, PAGE_LIMIT);
                for (Referral.Handover h : found.items()) {
                    items.add(new ApprovalItem(source, HANDOVER, null, h.id().toString(), h.participantCode(),
                            null, "→ " + h.recipientAgency() + " · " + h.legalBasis()
                                    + (h.includeIdentity() ? " · identity" : ""),
                            h.purpose(), h.requestedBy(), h.createdAt(), null, null, own(me, h.requestedBy())));
                }
                cursor = found.nextCursor();
                if (cursor == null) {
                    return false;
                }
            }
            return true;
        });
    }

    /** Reads one list; a refusal or a service that does not answer becomes a note, the other lists still show. */
    private static void read(Map<String, String> notes, String list, Listing listing) {
        try {
            if (listing.read()) {
                notes.put(list, "truncated");
            }
        } catch (WebApplicationException refused) {
            int status = refused.getResponse().getStatus();
            notes.put(list, status == 401 || status == 403 || status == 404 ? "refused" : "unavailable");
        } catch (ProcessingException unreachable) {
            notes.put(list, "unavailable");
        }
    }

    @FunctionalInterface
    private interface Listing {
        /** True when more items wait than the inbox reads. */
        boolean read();
    }

    /** The services' four-eyes rule: the requester (author) may not approve their own request. */
    private static String own(String me, String requestedBy) {
        return me != null && me.equals(requestedBy) ? "own-request" : null;
    }
}
