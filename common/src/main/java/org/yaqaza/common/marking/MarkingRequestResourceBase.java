package org.yaqaza.common.marking;

import java.net.URI;
import java.util.Locale;
import java.util.Map;
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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.yaqaza.common.marking.api.MarkingDecision;
import org.yaqaza.common.marking.api.MarkingRequestCreate;
import org.yaqaza.common.marking.api.MarkingRequestView;
import org.yaqaza.common.persistence.ETags;
import org.yaqaza.common.persistence.Page;
import org.yaqaza.common.persistence.PageRequest;
import org.yaqaza.common.problem.ProblemException;
import org.yaqaza.common.problem.Problems;
import org.yaqaza.common.security.CurrentCaller;
import org.yaqaza.common.security.Role;

/**
 * The marking-request API every service with protected records exposes at {@code /api/<service>/marking-requests}:
 * each service declares a subclass with its own {@code @Path} (so paths stay explicit in its OpenAPI document) and
 * a {@link MarkedRecordResolver} bean. The roles below are every role that can own records anywhere; the
 * resolver narrows them per service (403 for the others).
 */
@RolesAllowed({ Role.COLLECTOR, Role.ANALYST, Role.SUPERVISOR, Role.LIAISON_OFFICER, Role.PREVENTION_OFFICER })
@Produces(MediaType.APPLICATION_JSON)
public abstract class MarkingRequestResourceBase {

    private final MarkingRequestService service;
    private final CurrentCaller caller;
    private final String path;

    /** {@code path}: the subclass's {@code @Path}, for the Location of a new request. */
    protected MarkingRequestResourceBase(MarkingRequestService service, CurrentCaller caller, String path) {
        this.service = service;
        this.caller = caller;
        this.path = path;
    }

    /** 201 with the request: PENDING for a lowering, APPLIED for a raise (applied at once). */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@Valid @NotNull MarkingRequestCreate request) {
        MarkingRequestView view = MarkingRequestView.of(service.create(caller.get(), request));
        return ETags.created(URI.create(path + "/" + view.id()), view, view.version());
    }

    /** Newest first; {@code status}, {@code objectType}, {@code objectId} filter. */
    @GET
    public Page<MarkingRequestView> list(@QueryParam("status") String status,
            @QueryParam("objectType") String objectType, @QueryParam("objectId") String objectId,
            @QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit) {
        return service.list(caller.get(), status(status), blankToNull(objectType), uuid(objectId, "objectId"),
                PageRequest.of(cursor, limit)).map(MarkingRequestView::of);
    }

    @GET
    @Path("/{id}")
    public Response get(@PathParam("id") UUID id) {
        MarkingRequestView view = MarkingRequestView.of(service.get(caller.get(), id));
        return ETags.ok(view, view.version());
    }

    /**
     * Four-eyes: a supervisor of the owning agency who did not ask. 200 with the APPROVED request, the record
     * re-marked; 409 ({@link MarkingRequestService#STALE}) when the record changed since the request, which is
     * then STALE.
     */
    @POST
    @Path("/{id}/approve")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response approve(@PathParam("id") UUID id, @Valid MarkingDecision decision, @Context UriInfo uri) {
        MarkingRequestService.Decision outcome = service.approve(caller.get(), id, note(decision));
        MarkingRequestView view = MarkingRequestView.of(outcome.request());
        if (outcome.stale()) {
            return Problems.response(409, MarkingRequestService.STALE, "Record changed since the request",
                    "The " + view.objectType() + " changed (or is gone) since version " + view.objectVersion()
                            + ", which this request was about: nothing was applied and the request is now STALE;"
                            + " ask again on the current version.", uri.getPath(),
                    null, Map.of());
        }
        return ETags.ok(view, view.version());
    }

    @POST
    @Path("/{id}/reject")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response reject(@PathParam("id") UUID id, @Valid MarkingDecision decision) {
        MarkingRequestView view = MarkingRequestView.of(service.reject(caller.get(), id, note(decision)));
        return ETags.ok(view, view.version());
    }

    @POST
    @Path("/{id}/withdraw")
    public Response withdraw(@PathParam("id") UUID id) {
        MarkingRequestView view = MarkingRequestView.of(service.withdraw(caller.get(), id));
        return ETags.ok(view, view.version());
    }

    private static String note(MarkingDecision decision) {
        return decision == null ? null : decision.note();
    }

    private static MarkingRequestStatus status(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return MarkingRequestStatus.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("Invalid status",
                    "status must be PENDING, APPROVED, APPLIED, REJECTED, WITHDRAWN or STALE.", "status");
        }
    }

    private static UUID uuid(String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(value.strip());
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("Invalid " + field, field + " must be a UUID.", field);
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
