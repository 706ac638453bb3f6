package org.yaqaza.liaison.client;

import java.util.UUID;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * The intelligence-service, base URL {@code quarkus.rest-client.intelligence.url}. Products are read with the
 * caller's own token (so its visibility rule decides); reports are created with our service token.
 */
@RegisterRestClient(configKey = "intelligence")
@Path("/api/intelligence")
public interface IntelligenceClient {

    @GET
    @Path("/products/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    ProductView product(@PathParam("id") UUID id, @HeaderParam("Authorization") String authorization);

    /** Idempotent on the key: a retry returns the report created the first time. */
    @POST
    @Path("/reports")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    CreatedReport createReport(@HeaderParam("Authorization") String authorization,
            @HeaderParam("Idempotency-Key") String idempotencyKey, PartnerReport report);

    @com.fasterxml.jackson.annotation.JsonIgnoreProperties(ignoreUnknown = true)
    record CreatedReport(UUID id) {
    }
}
