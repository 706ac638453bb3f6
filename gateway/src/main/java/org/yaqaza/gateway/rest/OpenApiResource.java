package org.yaqaza.gateway.rest;

import java.util.Map;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.logging.Logger;
import org.yaqaza.common.problem.ProblemException;
import org.yaqaza.gateway.config.GatewayConfig;
import org.yaqaza.gateway.proxy.Upstream;
import org.yaqaza.gateway.proxy.UpstreamDocuments;
import org.yaqaza.gateway.proxy.Upstreams;

import io.smallrye.mutiny.Uni;

/** Each service's OpenAPI document, served by the gateway so that its Swagger UI lists them all. */
@Path("/openapi")
public class OpenApiResource {

    private static final Logger LOG = Logger.getLogger(OpenApiResource.class);

    private final Upstreams upstreams;
    private final UpstreamDocuments documents;
    private final long retryAfterSeconds;

    public OpenApiResource(Upstreams upstreams, UpstreamDocuments documents, GatewayConfig config) {
        this.upstreams = upstreams;
        this.documents = documents;
        this.retryAfterSeconds = Math.max(1, config.proxy().retryAfter().toSeconds());
    }

    @GET
    @Path("/{service}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The OpenAPI document of one service behind the gateway")
    public Uni<Response> document(@PathParam("service") String service) {
        Upstream upstream = upstreams.byName(service)
                .orElseThrow(() -> ProblemException.notFound("Service", service));
        return documents.openapi(upstream)
                .map(json -> Response.ok(json, MediaType.APPLICATION_JSON_TYPE)
                        .header(HttpHeaders.CACHE_CONTROL, "no-cache").build())
                .onFailure().transform(failure -> {
                    LOG.warnf("OpenAPI document of %s unavailable: %s", service, failure.toString());
                    return new ProblemException(503, null, "Service unavailable",
                            "The " + service + " service cannot give its API description now; try again later.",
                            null, Map.of("Retry-After", Long.toString(retryAfterSeconds)));
                });
    }
}
