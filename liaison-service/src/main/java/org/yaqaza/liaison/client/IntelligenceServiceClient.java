package org.yaqaza.liaison.client;

import java.util.UUID;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.yaqaza.common.persistence.Page;
import org.yaqaza.liaison.service.PartnerReport;

import io.quarkus.oidc.client.filter.OidcClientFilter;

/**
 * The intelligence-service called as this service, for work no user is behind (outbox deliveries, the demo
 * seeder): the OIDC client filter sends this service's own token ({@code quarkus.oidc-client.*}, client_credentials
 * at the gateway's token service, role {@code service}), cached and renewed by the extension.
 */
@RegisterRestClient(configKey = "intelligence")
@OidcClientFilter
@Path("/api/intelligence")
@Produces(MediaType.APPLICATION_JSON)
public interface IntelligenceServiceClient {

    @GET
    @Path("/products/{id}")
    ProductView product(@PathParam("id") UUID id);

    /** Newest first. */
    @GET
    @Path("/products")
    Page<ProductView> products(@QueryParam("limit") int limit);

    /** Idempotent on the key: a retry returns the report created the first time. */
    @POST
    @Path("/reports")
    @Consumes(MediaType.APPLICATION_JSON)
    CreatedReport createReport(@HeaderParam("Idempotency-Key") String idempotencyKey, PartnerReport report);
}
