package org.yaqaza.gateway.rest;

import java.net.URI;
import java.time.Instant;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.yaqaza.common.persistence.ETags;
import org.yaqaza.common.persistence.Page;
import org.yaqaza.common.persistence.PageRequest;
import org.yaqaza.common.persistence.SortField;
import org.yaqaza.common.persistence.Sorting;
import org.yaqaza.common.persistence.Versions;
import org.yaqaza.common.security.CurrentCaller;
import org.yaqaza.common.security.Role;
import org.yaqaza.gateway.api.ClientCreate;
import org.yaqaza.gateway.api.ClientSecretView;
import org.yaqaza.gateway.api.ClientUpdate;
import org.yaqaza.gateway.api.ClientView;
import org.yaqaza.gateway.api.KeysChange;
import org.yaqaza.gateway.api.SecretChange;
import org.yaqaza.gateway.mapping.DirectoryMapper;
import org.yaqaza.gateway.model.MachineClient;
import org.yaqaza.gateway.service.DirectoryService;

/**
 * Machine clients: internal systems, services and partner systems (client_credentials, with a secret or
 * private_key_jwt keys). A change that needs a second administrator answers 202 with the pending change.
 */
@Path("/api/admin/clients")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.ADMIN)
public class ClientAdminResource {

    private final DirectoryService directory;
    private final CurrentCaller caller;

    public ClientAdminResource(DirectoryService directory, CurrentCaller caller) {
        this.directory = directory;
        this.caller = caller;
    }

    /** A generated secret (no secret and no keys in the request) is in the answer: the only time it is shown. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a machine client (partners register keys for private_key_jwt; 202 and a pending "
            + "change when it grants above RESTRICTED, a compartment or admin)")
    public Response create(@Valid @NotNull ClientCreate request) {
        return DirectoryChangeResource.answer(directory.createClient(caller.get(), request), created -> {
            ClientView client = DirectoryMapper.toView(created.client());
            return Response.created(URI.create("/api/admin/clients/" + client.clientId()))
                    .header(HttpHeaders.CACHE_CONTROL, "no-store")
                    .entity(new ClientSecretView(client, created.generatedSecret())).build();
        });
    }

    /** The orders the client list offers; newest first by default, as before sorting existed. */
    public static final Sorting<MachineClient> SORTING = Sorting.of("-createdAt",
            SortField.of("createdAt", "createdAt", Instant.class, c -> c.createdAt),
            SortField.text("clientId", "clientId", c -> c.clientId),
            SortField.text("displayName", "displayName", c -> c.displayName),
            SortField.text("agency", "agency", c -> c.agency));

    @GET
    public Page<ClientView> list(@QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit,
            @Parameter(description = "Order: createdAt, clientId, displayName or agency, '-' first for descending; "
                    + "default -createdAt") @QueryParam("sort") String sort) {
        return directory.listClients(PageRequest.sorted(cursor, limit, sort, SORTING)).map(DirectoryMapper::toView);
    }

    @GET
    @Path("/{clientId}")
    public Response get(@PathParam("clientId") String clientId) {
        return view(directory.getClient(clientId));
    }

    /** Replaces what the client may do; If-Match (the ETag) required. */
    @PUT
    @Path("/{clientId}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response update(@PathParam("clientId") String clientId, @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull ClientUpdate request) {
        return DirectoryChangeResource.answer(directory.updateClient(caller.get(), clientId, request,
                Versions.fromIfMatch(ifMatch)), this::view);
    }

    /** Sets the given secret (204), or generates one and returns it once (200); 202 when it needs four-eyes. */
    @POST
    @Path("/{clientId}/secret")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response setSecret(@PathParam("clientId") String clientId, @Valid @NotNull SecretChange request) {
        return DirectoryChangeResource.answer(directory.setSecret(caller.get(), clientId, request.secret()),
                generated -> generated == null ? Response.noContent().build()
                        : Response.ok(new ClientSecretView(DirectoryMapper.toView(directory.getClient(clientId)),
                                generated)).header(HttpHeaders.CACHE_CONTROL, "no-store").build());
    }

    /** Replaces the client's private_key_jwt public keys (204); 202 when it needs four-eyes. */
    @PUT
    @Path("/{clientId}/keys")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Register the client's public keys for private_key_jwt (RFC 7523): RS256 or ES256")
    public Response setKeys(@PathParam("clientId") String clientId, @Valid @NotNull KeysChange request) {
        return DirectoryChangeResource.answer(directory.setKeys(caller.get(), clientId, request.jwks()),
                done -> Response.noContent().build());
    }

    @POST
    @Path("/{clientId}/disable")
    public Response disable(@PathParam("clientId") String clientId) {
        return view(directory.disableClient(caller.get(), clientId));
    }

    /** Lifts the client's sign-in throttling (there is no lock any more; the path keeps its name). */
    @POST
    @Path("/{clientId}/unlock")
    public Response unlock(@PathParam("clientId") String clientId) {
        return view(directory.unlockClient(caller.get(), clientId));
    }

    private Response view(MachineClient client) {
        return ETags.ok(DirectoryMapper.toView(client), client.version);
    }
}
