package org.yaqaza.intelligence.rest;

import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.yaqaza.common.security.CurrentCaller;
import org.yaqaza.common.security.Role;
import org.yaqaza.intelligence.api.MentionProposalView;
import org.yaqaza.intelligence.extraction.ProposalService;

/** Mentions proposed by extraction (docs/intelligence.md "Mention extraction"): read, confirm, reject. */
@Path("/api/intelligence/reports/{id}/proposals")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Role.COLLECTOR, Role.ANALYST, Role.SUPERVISOR })
public class MentionProposalResource {

    private final ProposalService service;
    private final CurrentCaller caller;

    public MentionProposalResource(ProposalService service, CurrentCaller caller) {
        this.service = service;
        this.caller = caller;
    }

    @GET
    public List<MentionProposalView> list(@PathParam("id") UUID reportId) {
        return service.list(caller.get(), reportId);
    }

    /** The proposal becomes a mention of the report (as POST .../mentions would make it). */
    @POST
    @Path("/{proposalId}/confirm")
    @RolesAllowed({ Role.COLLECTOR, Role.ANALYST })
    public MentionProposalView confirm(@PathParam("id") UUID reportId, @PathParam("proposalId") UUID proposalId) {
        return service.confirm(caller.get(), reportId, proposalId);
    }

    @POST
    @Path("/{proposalId}/reject")
    @RolesAllowed({ Role.COLLECTOR, Role.ANALYST })
    public MentionProposalView reject(@PathParam("id") UUID reportId, @PathParam("proposalId") UUID proposalId) {
        return service.reject(caller.get(), reportId, proposalId);
    }
}
