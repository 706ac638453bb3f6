package org.yaqaza.gateway.rest;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.logging.Logger;
import org.yaqaza.common.security.Role;
import org.yaqaza.common.problem.ProblemException;
import org.yaqaza.common.request.RequestIds;
import org.yaqaza.gateway.config.GatewayConfig;
import org.yaqaza.gateway.proxy.Upstream;
import org.yaqaza.gateway.proxy.Upstreams;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.smallrye.mutiny.Uni;
import io.vertx.core.Future;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;

/**
 * The suite's statistics for one caller in one call: each service's statistics endpoint is asked with the
 * caller's own token, so every figure is computed under that service's visibility rules for that caller.
 * A part whose service is down, slow or refuses the caller is marked so; the other parts are still returned.
 */
@Path("/api/dashboard")
// staff only: partners see what was released to them (liaison, TAXII), not the suite's figures
@RolesAllowed({ Role.COLLECTOR, Role.ANALYST, Role.SUPERVISOR, Role.LIAISON_OFFICER, Role.PREVENTION_OFFICER,
        Role.AUDITOR, Role.ADMIN })
public class DashboardResource {

    private static final Logger LOG = Logger.getLogger(DashboardResource.class);
    /** Liaison statistics are per year: one call each, so the period is bounded. */
    private static final int MAX_YEARS = 10;
    private static final int MAX_PART_BYTES = 4 * 1024 * 1024;

    private final Upstreams upstreams;
    private final ObjectMapper json;
    private final long timeoutMillis;
    private final Clock clock;

    public DashboardResource(Upstreams upstreams, ObjectMapper json, GatewayConfig config, Clock clock) {
        this.upstreams = upstreams;
        this.json = json;
        this.timeoutMillis = config.health().dashboardTimeout().toMillis();
        this.clock = clock;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Statistics of intelligence, liaison and prevention for the caller over a period "
            + "(dates; default: this year so far)")
    public Uni<ObjectNode> dashboard(@QueryParam("from") String fromText, @QueryParam("to") String toText,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        LocalDate today = LocalDate.now(clock);
        LocalDate from = date(fromText, "from", today.withDayOfYear(1));
        LocalDate to = date(toText, "to", today);
        if (from.isAfter(to) || to.getYear() - from.getYear() >= MAX_YEARS) {
            throw ProblemException.badRequest("Invalid period",
                    "from must not be after to, and the period must span at most " + MAX_YEARS + " years.",
                    "from", "to");
        }
        String requestId = RequestIds.current();
        Future<ObjectNode> intelligence = part("intelligence", List.of("/api/intelligence/statistics/annual?from="
                + from.getYear() + "&to=" + to.getYear()), authorization, requestId, false);
        List<String> years = new ArrayList<>();
        for (int year = from.getYear(); year <= to.getYear(); year++) {
            years.add("/api/liaison/statistics/annual?year=" + year);
        }
        Future<ObjectNode> liaison = part("liaison", years, authorization, requestId, true);
        Future<ObjectNode> prevention = part("prevention", List.of("/api/prevention/statistics/outreach?from="
                + from + "&to=" + to), authorization, requestId, false);
        return Uni.createFrom().completionStage(() -> Future.join(intelligence, liaison, prevention).map(all -> {
            ObjectNode body = json.createObjectNode();
            body.put("from", from.toString());
            body.put("to", to.toString());
            ObjectNode parts = body.putObject("parts");
            parts.set("intelligence", intelligence.result());
            parts.set("liaison", liaison.result());
            parts.set("prevention", prevention.result());
            return body;
        }).toCompletionStage());
    }

    private static LocalDate date(String text, String field, LocalDate fallback) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            return LocalDate.parse(text.trim());
        } catch (DateTimeException e) {
            throw ProblemException.badRequest("Invalid date", "Dates are ISO 8601, e.g. 2026-01-31.", field);
        }
    }

    /** One service's part: its answers (an array when {@code many}), or why it is missing. Never fails. */
    private Future<ObjectNode> part(String service, List<String> uris, String authorization, String requestId,
            boolean many) {
        Upstream upstream = upstreams.byName(service).orElse(null);
        if (upstream == null) {
            return Future.succeededFuture(missing("unavailable", "The " + service + " service is not configured."));
        }
        List<Future<JsonNode>> calls = uris.stream().map(uri -> fetch(upstream, uri, authorization, requestId))
                .toList();
        return Future.all(calls).map(done -> {
            ObjectNode part = json.createObjectNode().put("status", "available");
            if (many) {
                ArrayNode data = part.putArray("data");
                calls.forEach(call -> data.add(call.result()));
            } else {
                part.set("data", calls.get(0).result());
            }
            return part;
        }).otherwise(failure -> {
            if (failure instanceof PartRefused refused) {
                return missing(refused.status, refused.getMessage());
            }
            LOG.warnf("dashboard: %s statistics unavailable: %s", service, failure.toString());
            return missing("unavailable", "The " + service + " service cannot answer now.");
        });
    }

    private ObjectNode missing(String status, String detail) {
        return json.createObjectNode().put("status", status).put("detail", detail);
    }

    private Future<JsonNode> fetch(Upstream upstream, String uri, String authorization, String requestId) {
        RequestOptions options = new RequestOptions()
                .setMethod(HttpMethod.GET)
                .setHost(upstream.host())
                .setPort(upstream.port())
                .setSsl(upstream.ssl())
                .setURI(upstream.basePath() + uri)
                .setConnectTimeout(Math.min(timeoutMillis, upstream.connectTimeoutMillis()))
                .setTimeout(timeoutMillis)
                .putHeader("Accept", MediaType.APPLICATION_JSON)
                .putHeader(HttpHeaders.AUTHORIZATION, authorization);
        if (requestId != null) {
            options.putHeader(RequestIds.HEADER, requestId);
        }
        return upstreams.client().request(options)
                .compose(request -> request.send())
                .compose(response -> {
                    int status = response.statusCode();
                    if (status == 401 || status == 403) {
                        response.end();
                        return Future.failedFuture(new PartRefused("forbidden",
                                "Your role does not give access to these statistics."));
                    }
                    if (status == 404) {
                        response.end();
                        return Future.failedFuture(new PartRefused("unavailable",
                                "The " + upstream.name() + " service does not offer these statistics."));
                    }
                    if (status != 200) {
                        response.end();
                        return Future.failedFuture(new IllegalStateException("status " + status));
                    }
                    String length = response.getHeader("Content-Length");
                    if (length != null && Long.parseLong(length) > MAX_PART_BYTES) {
                        return Future.failedFuture(new IllegalStateException("answer too large"));
                    }
                    return response.body();
                })
                .map(buffer -> {
                    try {
                        return json.readTree(buffer.getBytes());
                    } catch (java.io.IOException e) {
                        throw new IllegalStateException("not JSON", e);
                    }
                });
    }

    private static final class PartRefused extends RuntimeException {
        private final String status;

        PartRefused(String status, String detail) {
            super(detail, null, false, false);
            this.status = status;
        }
    }
}
