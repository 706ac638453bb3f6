package org.yaqaza.intelligence.rest;

import java.util.Locale;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.yaqaza.common.persistence.Page;
import org.yaqaza.common.persistence.PageRequest;
import org.yaqaza.common.problem.ProblemException;
import org.yaqaza.common.security.CurrentCaller;
import org.yaqaza.common.security.Role;
import org.yaqaza.intelligence.api.TimelineItem;
import org.yaqaza.intelligence.service.TimelineService;

/**
 * An entity's timeline (docs/intelligence.md, "Entity timeline"). Analysts and supervisors only: it shows
 * assessments and cases, which collectors do not read.
 */
@Path("/api/intelligence/entities")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Role.ANALYST, Role.SUPERVISOR })
public class TimelineResource {

    private final TimelineService timelines;
    private final CurrentCaller caller;

    public TimelineResource(TimelineService timelines, CurrentCaller caller) {
        this.timelines = timelines;
        this.caller = caller;
    }

    /** Reports, events, assessments, cases and interventions of the entity in time order, paged. */
    @GET
    @Path("/{id}/timeline")
    public Page<TimelineItem> timeline(@PathParam("id") UUID id,
            @Parameter(description = "asc (oldest first, the default) or desc") @QueryParam("order") String order,
            @QueryParam("cursor") String cursor,
            @Parameter(description = "items per page, 1 to 500 (default 50)") @QueryParam("limit") String limit) {
        return timelines.timeline(caller.get(), id, newestFirst(order), PageRequest.of(cursor, number(limit)));
    }

    private static boolean newestFirst(String order) {
        if (order == null || order.isBlank()) {
            return false;
        }
        return switch (order.trim().toLowerCase(Locale.ROOT)) {
            case "asc" -> false;
            case "desc" -> true;
            default -> throw ProblemException.badRequest("Invalid order", "order must be asc or desc.", "order");
        };
    }

    private static Integer number(String limit) {
        if (limit == null || limit.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(limit.trim());
        } catch (NumberFormatException e) {
            throw ProblemException.badRequest("Invalid page size", "limit must be a whole number.", "limit");
        }
    }
}
