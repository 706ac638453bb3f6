package org.yaqaza.intelligence.rest;

import java.net.URI;
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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.yaqaza.common.persistence.Page;
import org.yaqaza.common.persistence.PageRequest;
import org.yaqaza.common.security.CurrentCaller;
import org.yaqaza.common.security.Role;
import org.yaqaza.intelligence.api.ProductRequest;
import org.yaqaza.intelligence.api.ProductView;
import org.yaqaza.intelligence.mapping.ProductMapper;
import org.yaqaza.intelligence.service.ProductService;

@Path("/api/intelligence/products")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Role.ANALYST, Role.SUPERVISOR, Role.LIAISON_OFFICER, Role.SERVICE })
public class ProductResource {

    private final ProductService service;
    private final CurrentCaller caller;

    public ProductResource(ProductService service, CurrentCaller caller) {
        this.service = service;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Role.ANALYST, Role.SUPERVISOR })
    public Response create(@Valid @NotNull ProductRequest request) {
        ProductView view = ProductMapper.toView(service.create(caller.get(), request));
        return Response.created(URI.create("/api/intelligence/products/" + view.id())).entity(view).build();
    }

    /**
     * The contract liaison-service reads: a {@code ProductView} (schema in /q/openapi), or a 404 problem when the
     * product is missing or hidden from the caller (docs/architecture.md).
     */
    @GET
    @Path("/{id}")
    public ProductView get(@PathParam("id") UUID id) {
        return ProductMapper.toView(service.get(caller.get(), id));
    }

    @GET
    public Page<ProductView> list(@QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit) {
        return service.list(caller.get(), PageRequest.of(cursor, limit)).map(ProductMapper::toView);
    }
}
