package org.yaqaza.intelligence.rest;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.yaqaza.common.problem.ProblemException;
import org.yaqaza.common.security.CurrentCaller;
import org.yaqaza.common.security.Role;
import org.yaqaza.intelligence.api.GraphPath;
import org.yaqaza.intelligence.graph.GraphService;

@Path("/api/intelligence/graph")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Role.ANALYST, Role.SUPERVISOR })
public class GraphResource {

    private final GraphService graph;
    private final CurrentCaller caller;

    public GraphResource(GraphService graph, CurrentCaller caller) {
        this.graph = graph;
        this.caller = caller;
    }

    /** Shortest chain of visible links between two visible entities. */
    @GET
    @Path("/path")
    public GraphPath path(@QueryParam("from") String from, @QueryParam("to") String to) {
        return graph.path(caller.get(), uuid(from, "from"), uuid(to, "to"));
    }

    static UUID uuid(String value, String field) {
        try {
            return UUID.fromString(value == null ? "" : value.trim());
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("Invalid " + field, field + " must be an entity id (UUID).", field);
        }
    }
}
