package org.yaqaza.gateway.rest;

import java.net.URI;

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

import org.yaqaza.common.audit.AuditActor;
import org.yaqaza.common.persistence.ETags;
import org.yaqaza.common.persistence.Page;
import org.yaqaza.common.persistence.PageRequest;
import org.yaqaza.common.persistence.Versions;
import org.yaqaza.common.security.CurrentCaller;
import org.yaqaza.common.security.Role;
import org.yaqaza.gateway.api.ClientCreate;
import org.yaqaza.gateway.api.ClientSecretView;
import org.yaqaza.gateway.api.ClientUpdate;
import org.yaqaza.gateway.api.ClientView;
import org.yaqaza.gateway.api.SecretChange;
import org.yaqaza.gateway.mapping.DirectoryMapper;
import org.yaqaza.gateway.model.MachineClient;
import org.yaqaza.gateway.service.DirectoryService;

/** Machine clients: internal systems, services and partner systems (client_credentials). */
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

    /** Without a secret in the request, the answer carries a generated one: the only time it is shown. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@Valid @NotNull ClientCreate request) {
        DirectoryService.CreatedClient created = directory.createClient(actor(), request);
        ClientView client = DirectoryMapper.toView(created.client());
        return Response.created(URI.create("/api/admin/clients/" + client.clientId()))
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .entity(new ClientSecretView(client, created.generatedSecret())).build();
    }

    @GET
    public Page<ClientView> list(@QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit) {
        return directory.listClients(PageRequest.of(cursor, limit)).map(DirectoryMapper::toView);
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
        return view(directory.updateClient(actor(), clientId, request, Versions.fromIfMatch(ifMatch)));
    }

    /** Sets the given secret (204), or generates one and returns it once (200). */
    @POST
    @Path("/{clientId}/secret")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response setSecret(@PathParam("clientId") String clientId, @Valid @NotNull SecretChange request) {
        String generated = directory.setSecret(actor(), clientId, request.secret());
        if (generated == null) {
            return Response.noContent().build();
        }
        return Response.ok(new ClientSecretView(DirectoryMapper.toView(directory.getClient(clientId)), generated))
                .header(HttpHeaders.CACHE_CONTROL, "no-store").build();
    }

    @POST
    @Path("/{clientId}/disable")
    public Response disable(@PathParam("clientId") String clientId) {
        return view(directory.disableClient(actor(), clientId));
    }

    @POST
    @Path("/{clientId}/unlock")
    public Response unlock(@PathParam("clientId") String clientId) {
        return view(directory.unlockClient(actor(), clientId));
    }

    private Response view(MachineClient client) {
        return ETags.ok(DirectoryMapper.toView(client), client.version);
    }

    private AuditActor actor() {
        return AuditActor.of(caller.get());
    }
}
