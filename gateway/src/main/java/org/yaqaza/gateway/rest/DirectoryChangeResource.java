package org.yaqaza.gateway.rest;

import java.net.URI;
import java.util.UUID;
import java.util.function.Function;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.yaqaza.common.persistence.Page;
import org.yaqaza.common.persistence.PageRequest;
import org.yaqaza.common.security.CurrentCaller;
import org.yaqaza.common.security.Role;
import org.yaqaza.gateway.api.DirectoryChangeView;
import org.yaqaza.gateway.mapping.DirectoryMapper;
import org.yaqaza.gateway.service.DirectoryService;

/**
 * Directory changes waiting for a second administrator (four-eyes), and their decisions. A change is approved by
 * an administrator other than its requester and its subject who holds what it grants; any administrator may
 * reject one.
 */
@Path("/api/admin/changes")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.ADMIN)
public class DirectoryChangeResource {

    private final DirectoryService directory;
    private final CurrentCaller caller;

    public DirectoryChangeResource(DirectoryService directory, CurrentCaller caller) {
        this.directory = directory;
        this.caller = caller;
    }

    @GET
    @Operation(summary = "Directory changes, newest first; status PENDING (default), APPROVED, REJECTED or ALL")
    public Page<DirectoryChangeView> list(@QueryParam("status") String status, @QueryParam("cursor") String cursor,
            @QueryParam("limit") Integer limit) {
        String wanted = status == null ? "PENDING" : "ALL".equals(status) ? null : status;
        return directory.listChanges(wanted, PageRequest.of(cursor, limit)).map(DirectoryMapper::toView);
    }

    @GET
    @Path("/{id}")
    public DirectoryChangeView get(@PathParam("id") UUID id) {
        return DirectoryMapper.toView(directory.getChange(id));
    }

    @POST
    @Path("/{id}/approve")
    @Operation(summary = "Approve and apply a pending change (a second administrator, holding what it grants)")
    public DirectoryChangeView approve(@PathParam("id") UUID id) {
        return DirectoryMapper.toView(directory.approve(caller.get(), id));
    }

    @POST
    @Path("/{id}/reject")
    @Operation(summary = "Reject a pending change (any administrator, its requester included)")
    public DirectoryChangeView reject(@PathParam("id") UUID id) {
        return DirectoryMapper.toView(directory.reject(caller.get(), id));
    }

    /**
     * The answer to a directory request: {@code done} when it was applied, else 202 with the pending change and
     * where to follow it.
     */
    static <T> Response answer(DirectoryService.Outcome<T> outcome, Function<T, Response> done) {
        if (outcome instanceof DirectoryService.Done<T> applied) {
            return done.apply(applied.value());
        }
        DirectoryService.Pending<T> pending = (DirectoryService.Pending<T>) outcome;
        return Response.accepted(DirectoryMapper.toView(pending.change(), pending.generatedSecret()))
                .location(URI.create("/api/admin/changes/" + pending.change().id))
                .header(HttpHeaders.CACHE_CONTROL, "no-store").build();
    }
}
