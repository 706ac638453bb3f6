package org.yaqaza.intelligence.screening;

import java.io.InputStream;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.yaqaza.common.security.CurrentCaller;
import org.yaqaza.common.security.Role;
import org.yaqaza.intelligence.rest.MediaTypes;
import org.yaqaza.intelligence.screening.api.ScreeningRequest;
import org.yaqaza.intelligence.screening.api.ScreeningResult;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/** Name screening against every person and organisation name the caller may see (docs/screening.md). */
@Path("/api/intelligence/screening")
@RolesAllowed({ Role.ANALYST, Role.SUPERVISOR, Role.COLLECTOR, Role.LIAISON_OFFICER, Role.SERVICE })
public class ScreeningResource {

    private final ScreeningService service;
    private final BatchScreening batch;
    private final CurrentCaller caller;
    private final ScreeningConfig config;
    private final Timer screeningTime;

    public ScreeningResource(ScreeningService service, BatchScreening batch, CurrentCaller caller,
            ScreeningConfig config, MeterRegistry meters) {
        this.service = service;
        this.config = config;
        this.batch = batch;
        this.caller = caller;
        this.screeningTime = Timer.builder("yaqaza.screening.request")
                .description("A single screening in the service: its phases, audit event and commit (not the HTTP"
                        + " handling, authentication or JSON around it)")
                .register(meters);
    }

    /** Ranked candidates, best first; {@code hit} when the score reaches the threshold. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @APIResponseSchema(ScreeningResult.class)
    public Response screen(@Valid @NotNull ScreeningRequest request) {
        long started = System.nanoTime();
        ScreeningService.Timings timings = new ScreeningService.Timings(
                config.serverTiming() && config.retrievalStats());
        ScreeningResult result = service.screen(caller.get(), request, timings);
        long total = System.nanoTime() - started;
        screeningTime.record(total, TimeUnit.NANOSECONDS);
        if (!config.serverTiming()) {
            return Response.ok(result).build();
        }
        // where the time went, for a benchmark comparing its own latency with the service's
        return Response.ok(result).header("Server-Timing", timings.header(total)).build();
    }

    /**
     * A JSON array or NDJSON of names (strings or request objects), up to 100,000, read and answered as a
     * stream: one result per input, in input order, in the format of the input.
     */
    @POST
    @Path("/batch")
    @Consumes({ MediaType.APPLICATION_JSON, MediaTypes.NDJSON })
    @Produces({ MediaType.APPLICATION_JSON, MediaTypes.NDJSON })
    public Response batch(@HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, InputStream body) {
        boolean ndjson = contentType != null && contentType.toLowerCase().startsWith(MediaTypes.NDJSON);
        BatchScreening.Started started = batch.start(caller.get(), body, ndjson);
        StreamingOutput output = started::writeTo;
        return Response.ok(output, ndjson ? MediaTypes.NDJSON : MediaType.APPLICATION_JSON).build();
    }
}
