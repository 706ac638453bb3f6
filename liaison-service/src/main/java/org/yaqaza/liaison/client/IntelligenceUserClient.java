package org.yaqaza.liaison.client;

import java.util.UUID;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * The intelligence-service called for the user being served: the request's {@code Authorization} header goes along
 * unchanged (MicroProfile REST Client header propagation, property
 * {@code org.eclipse.microprofile.rest.client.propagateHeaders}), so the intelligence-service applies its visibility
 * rule to that user. Base URL
 * {@code quarkus.rest-client.intelligence.url}, shared with {@link IntelligenceServiceClient}.
 */
@RegisterRestClient(configKey = "intelligence")
@RegisterClientHeaders
@Path("/api/intelligence")
@Produces(MediaType.APPLICATION_JSON)
public interface IntelligenceUserClient {

    @GET
    @Path("/products/{id}")
    ProductView product(@PathParam("id") UUID id);
}
