package org.yaqaza.console.service;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.jboss.resteasy.reactive.client.SseEvent;

import io.smallrye.mutiny.Multi;

/**
 * The live alert stream of the intelligence API, through the gateway. A client of its own: a stream stays open
 * for as long as the token lives, so it has no read timeout, and the token is passed explicitly because the
 * stream is read after the page request that opened it has returned.
 */
@RegisterRestClient(configKey = "gateway-stream")
@Path("/api/intelligence/alerts/stream")
public interface AlertStreamApi {

    /** {@code Last-Event-ID} resumes after the last alert received (an id sealed for this user). */
    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    Multi<SseEvent<String>> stream(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearer,
            @HeaderParam("Last-Event-ID") String lastEventId);
}
