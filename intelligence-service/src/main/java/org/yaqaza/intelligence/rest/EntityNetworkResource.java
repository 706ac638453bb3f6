package org.yaqaza.intelligence.rest;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.yaqaza.common.problem.ProblemException;
import org.yaqaza.common.security.CurrentCaller;
import org.yaqaza.common.security.Role;
import org.yaqaza.intelligence.api.NetworkAnalysis;
import org.yaqaza.intelligence.graph.NetworkService;
import org.yaqaza.intelligence.graph.NetworkSvg;

/**
 * The network around one person or organisation up to a depth (docs/intelligence.md, "Cell network"), as JSON
 * or as an SVG picture; the same measures as the cell network of an organisation.
 */
@Path("/api/intelligence/entities")
@RolesAllowed({ Role.ANALYST, Role.SUPERVISOR })
public class EntityNetworkResource {

    private static final int DEFAULT_DEPTH = 2;
    private static final int MAX_DEPTH = 3;

    private final NetworkService networks;
    private final CurrentCaller caller;

    public EntityNetworkResource(NetworkService networks, CurrentCaller caller) {
        this.networks = networks;
        this.caller = caller;
    }

    @GET
    @Path("/{id}/network")
    @Produces(MediaType.APPLICATION_JSON)
    public NetworkAnalysis network(@PathParam("id") UUID id,
            @Parameter(description = "ties from the entity, 1 to 3 (default 2)") @QueryParam("depth") String depth) {
        return networks.aroundEntity(caller.get(), id, depth(depth));
    }

    /** The same analysis as a picture, by content negotiation. */
    @GET
    @Path("/{id}/network")
    @Produces(StatisticsResource.SVG)
    public String networkSvg(@PathParam("id") UUID id, @QueryParam("depth") String depth) {
        return NetworkSvg.render(network(id, depth));
    }

    /** The picture at a path of its own, for a browser or an img tag. */
    @GET
    @Path("/{id}/network.svg")
    @Produces(StatisticsResource.SVG)
    public String networkSvgPath(@PathParam("id") UUID id, @QueryParam("depth") String depth) {
        return networkSvg(id, depth);
    }

    private static int depth(String value) {
        if (value == null || value.isBlank()) {
            return DEFAULT_DEPTH;
        }
        try {
            int depth = Integer.parseInt(value.trim());
            if (depth >= 1 && depth <= MAX_DEPTH) {
                return depth;
            }
        } catch (NumberFormatException e) {
            // answered below like an out-of-range depth
        }
        throw ProblemException.badRequest("Invalid depth", "depth must be 1 to " + MAX_DEPTH + ".", "depth");
    }
}
