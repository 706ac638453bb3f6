package org.yaqaza.common.audit;

import java.time.Instant;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.yaqaza.common.persistence.SortCursor;
import org.yaqaza.common.persistence.Sorting;
import org.yaqaza.common.problem.ProblemException;
import org.yaqaza.common.security.Role;

/**
 * The audit API every service exposes at {@code /api/<service>/audit}: each service declares a subclass that
 * carries its own {@code @Path}, so paths stay explicit in its OpenAPI document.
 */
@RolesAllowed(Role.AUDITOR)
@Produces(MediaType.APPLICATION_JSON)
public abstract class AuditResourceBase {

    private static final int MAX_LIMIT = 1000;

    private final AuditQueries queries;

    protected AuditResourceBase(AuditQueries queries) {
        this.queries = queries;
    }

    public record AuditPage(List<AuditEventView> items, String nextCursor) {
    }

    @GET
    public AuditPage list(@QueryParam("actor") String actor, @QueryParam("objectType") String objectType,
            @QueryParam("objectId") String objectId, @QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit,
            @Parameter(description = "Order: occurredAt, actor, action or objectType, '-' first for descending "
                    + "(e.g. -occurredAt); none is chain order") @QueryParam("sort") String sort) {
        int size = limit == null ? 100 : limit;
        if (size < 1 || size > MAX_LIMIT) {
            throw ProblemException.badRequest("Invalid page size", "limit must be between 1 and " + MAX_LIMIT + ".",
                    "limit");
        }
        if (sort != null && !sort.isBlank()) {
            return sorted(actor, objectType, objectId, from, to, cursor, size, sort);
        }
        long after = parseCursor(cursor);
        List<AuditEvent> rows = queries.find(actor, objectType, objectId, instant(from, "from"), instant(to, "to"),
                after, size);
        String next = null;
        if (rows.size() > size) {
            rows = rows.subList(0, size);
            next = Long.toString(rows.get(rows.size() - 1).seq);
        }
        return new AuditPage(rows.stream().map(AuditEventView::of).toList(), next);
    }

    /** Sorted pages carry keyset cursors (sort key and sequence number) instead of a bare sequence number. */
    private AuditPage sorted(String actor, String objectType, String objectId, String from, String to, String cursor,
            int size, String sort) {
        Sorting.Sort<AuditEvent> order = AuditQueries.SORTING.parse(sort);
        SortCursor after = SortCursor.decode(cursor);
        if (after != null) {
            order.key(after);
        }
        List<AuditEvent> rows = queries.find(actor, objectType, objectId, instant(from, "from"), instant(to, "to"),
                order, after, size);
        String next = null;
        if (rows.size() > size) {
            rows = rows.subList(0, size);
            AuditEvent last = rows.get(rows.size() - 1);
            next = order.cursorAfter(last, last.seq);
        }
        return new AuditPage(rows.stream().map(AuditEventView::of).toList(), next);
    }

    @GET
    @Path("/verify")
    public AuditQueries.VerifyResult verify() {
        return queries.verify();
    }

    private static long parseCursor(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return 0;
        }
        try {
            return Long.parseLong(cursor);
        } catch (NumberFormatException e) {
            throw ProblemException.badRequest("Invalid cursor", "The cursor parameter is not one this API issued.",
                    "cursor");
        }
    }

    private static Instant instant(String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (RuntimeException e) {
            throw ProblemException.badRequest("Invalid time", "Use an ISO-8601 instant such as 2026-01-31T00:00:00Z.",
                    field);
        }
    }
}
