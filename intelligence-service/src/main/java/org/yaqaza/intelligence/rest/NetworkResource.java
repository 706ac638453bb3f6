package org.yaqaza.intelligence.rest;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.yaqaza.common.problem.ProblemException;
import org.yaqaza.common.security.CurrentCaller;
import org.yaqaza.common.security.Role;
import org.yaqaza.intelligence.api.NetworkAnalysis;
import org.yaqaza.intelligence.api.NetworkRequest;
import org.yaqaza.intelligence.graph.NetworkService;
import org.yaqaza.intelligence.graph.NetworkSvg;

/**
 * Cell network analysis (docs/intelligence.md, "Cell network"): for an organisation ({@code organisation=}) or
 * for persons ({@code persons=} ids, comma-separated or repeated), as JSON or as an SVG picture; the same request
 * may come as a POST body when the list of persons is too long for a URL (it changes nothing).
 */
@Path("/api/intelligence/graph")
@RolesAllowed({ Role.ANALYST, Role.SUPERVISOR })
public class NetworkResource {

    private final NetworkService networks;
    private final CurrentCaller caller;

    public NetworkResource(NetworkService networks, CurrentCaller caller) {
        this.networks = networks;
        this.caller = caller;
    }

    @GET
    @Path("/network")
    @Produces(MediaType.APPLICATION_JSON)
    public NetworkAnalysis network(
            @Parameter(description = "id of the organisation whose leaders and members are analysed",
                    schema = @Schema(type = SchemaType.STRING, format = "uuid"))
            @QueryParam("organisation") String organisation,
            @Parameter(description = "ids of the persons analysed, comma-separated or repeated")
            @QueryParam("persons") List<String> persons,
            @Parameter(description = "include the direct contacts of the members (default true)")
            @QueryParam("contacts") String contacts) {
        boolean byOrganisation = organisation != null && !organisation.isBlank();
        return analyse(byOrganisation ? GraphResource.uuid(organisation, "organisation") : null, ids(persons),
                flag(contacts));
    }

    /** The analysis of an organisation or of persons named in the body. */
    @POST
    @Path("/network")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public NetworkAnalysis networkOf(NetworkRequest request) {
        if (request == null) {
            throw ProblemException.badRequest("Organisation or persons",
                    "Give either organisation (one id) or persons (one or more ids).", "organisation", "persons");
        }
        List<UUID> given = request.persons() == null ? List.of() : request.persons();
        if (given.stream().anyMatch(Objects::isNull)) {
            throw ProblemException.badRequest("Invalid persons", "persons must not contain null.", "persons");
        }
        return analyse(request.organisation(), List.copyOf(new LinkedHashSet<>(given)),
                request.contacts() == null || request.contacts());
    }

    /** The POST analysis as a picture, by content negotiation. */
    @POST
    @Path("/network")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(StatisticsResource.SVG)
    public String networkOfSvg(NetworkRequest request) {
        return NetworkSvg.render(networkOf(request));
    }

    private NetworkAnalysis analyse(UUID organisation, List<UUID> personIds, boolean withContacts) {
        if ((organisation != null) == !personIds.isEmpty()) {
            throw ProblemException.badRequest("Organisation or persons",
                    "Give either organisation (one id) or persons (one or more ids), not both.", "organisation",
                    "persons");
        }
        return organisation != null ? networks.ofOrganisation(caller.get(), organisation, withContacts)
                : networks.ofPersons(caller.get(), personIds, withContacts);
    }

    /** The same analysis as a picture, by content negotiation. */
    @GET
    @Path("/network")
    @Produces(StatisticsResource.SVG)
    public String networkSvg(@QueryParam("organisation") String organisation,
            @QueryParam("persons") List<String> persons, @QueryParam("contacts") String contacts) {
        return NetworkSvg.render(network(organisation, persons, contacts));
    }

    /** The picture at a path of its own, for a browser or an img tag. */
    @GET
    @Path("/network.svg")
    @Produces(StatisticsResource.SVG)
    public String networkSvgPath(@QueryParam("organisation") String organisation,
            @QueryParam("persons") List<String> persons, @QueryParam("contacts") String contacts) {
        return networkSvg(organisation, persons, contacts);
    }

    /** Distinct ids in the order given; anything that is not a UUID is the caller's error. */
    private static List<UUID> ids(List<String> values) {
        Set<UUID> ids = new LinkedHashSet<>();
        for (String value : values == null ? List.<String>of() : values) {
            if (!value.isBlank()) {
                for (String part : value.split(",", -1)) {
                    ids.add(GraphResource.uuid(part, "persons"));
                }
            }
        }
        return new ArrayList<>(ids);
    }

    private static boolean flag(String value) {
        if (value == null || value.isBlank()) {
            return true;
        }
        return switch (value.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw ProblemException.badRequest("Invalid contacts", "contacts must be true or false.",
                    "contacts");
        };
    }
}
