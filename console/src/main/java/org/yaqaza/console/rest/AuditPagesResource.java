package org.yaqaza.console.rest;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;
import org.yaqaza.console.api.AuditEventView;
import org.yaqaza.console.api.ChainStatus;
import org.yaqaza.console.api.Page;
import org.yaqaza.console.config.ConsoleConfig;
import org.yaqaza.console.service.AuditApi;
import org.yaqaza.console.web.ApiProblems;
import org.yaqaza.console.web.Pages;
import org.yaqaza.console.web.RoleGate;
import org.yaqaza.console.web.SortHeaders;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.security.Authenticated;
import io.smallrye.common.annotation.Blocking;

/**
 * The auditors' page: the verification of each service's audit chain, and the audit trail of one service with the
 * API's filters, paged by the API's cursor (every filter kept from page to page). Auditors only (404 otherwise).
 */
@Path("/audit")
@Authenticated
@Blocking
@Produces(MediaType.TEXT_HTML)
public class AuditPagesResource {

    /** Every service keeps its own chain; the gateway's is the directory's and the sign-ins'. */
    /** The columns the audit API sorts by; no sort is chain order. */
    static final List<String> SORTS = List.of("occurredAt", "actor", "action", "objectType");

    public static final List<String> SERVICES = List.of("gateway", "intelligence", "liaison", "prevention");
    static final String ROLE = "auditor";
    private static final Logger LOG = Logger.getLogger(AuditPagesResource.class);

    private final AuditApi audit;
    private final Pages pages;
    private final RoleGate gate;
    private final ConsoleConfig config;
    private final Template page;

    public AuditPagesResource(@RestClient AuditApi audit, Pages pages, RoleGate gate, ConsoleConfig config,
            @Location("audit/audit") Template page) {
        this.audit = audit;
        this.pages = pages;
        this.gate = gate;
        this.config = config;
        this.page = page;
    }

    /** A service's chain and what it says (null status: the service did not answer the check). */
    public record Chain(String service, ChainStatus status) {
    }

    @GET
    public Response trail(@QueryParam("service") String service, @QueryParam("actor") String actor,
            @QueryParam("objectType") String objectType, @QueryParam("objectId") String objectId,
            @QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("cursor") String cursor,
            @QueryParam("sort") String sort) {
        gate.require(ROLE);
        Map<String, String> values = new LinkedHashMap<>();
        values.put("service", service == null || service.isBlank() ? SERVICES.get(1) : service.trim());
        values.put("actor", text(actor));
        values.put("objectType", text(objectType));
        values.put("objectId", text(objectId));
        values.put("from", text(from));
        values.put("to", text(to));
        String order = SortHeaders.oneOf(sort, SORTS);
        values.put("sort", order == null ? "" : order);
        Map<String, String> errors = new LinkedHashMap<>();
        if (!SERVICES.contains(values.get("service"))) {
            errors.put("service", "must be one of " + String.join(", ", SERVICES));
        }
        String fromInstant = instant(values.get("from"), "from", errors);
        String toInstant = instant(values.get("to"), "to", errors);

        Page<AuditEventView> events = null;
        String detail = null;
        int status = 200;
        if (errors.isEmpty()) {
            try {
                events = audit.trail(values.get("service"), blankToNull(actor), blankToNull(objectType),
                        blankToNull(objectId), fromInstant, toInstant, blankToNull(cursor), config.pageSize(),
                        order);
            } catch (WebApplicationException refused) {
                if (refused.getResponse().getStatus() != 400) {
                    throw refused;
                }
                ApiProblems.Refusal refusal = ApiProblems.refusal(refused);
                errors.putAll(refusal.fieldErrors());
                detail = refusal.detail();
            }
        }
        if (!errors.isEmpty()) {
            status = 400;
        }
        List<String> shown = new ArrayList<>();
        if (events != null) {
            events.items().forEach(event -> shown.add(event.classification()));
        }
        String next = events == null || events.nextCursor() == null ? null : nextPage(values, events.nextCursor());
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(pages.render(page, shown)
                        .data("chains", chains())
                        .data("services", SERVICES)
                        .data("values", values)
                        .data("errors", errors)
                        .data("detail", detail)
                        .data("events", events)
                        .data("next", next)
                        .data("sorts", new SortHeaders("/console/audit", values, values.get("sort")))
                        .render())
                .build();
    }

    /** Every chain checked on every visit: the status an auditor reads is the one of now. */
    private List<Chain> chains() {
        List<Chain> chains = new ArrayList<>();
        for (String service : SERVICES) {
            ChainStatus status;
            try {
                status = audit.verify(service);
            } catch (WebApplicationException | ProcessingException unanswered) {
                // one service down must not hide the other three chains
                LOG.warnf("the %s audit chain could not be checked: %s", service, unanswered.getMessage());
                status = null;
            }
            chains.add(new Chain(service, status));
        }
        return chains;
    }

    /** The same filters and the next cursor (the page's own address, for the "next" link). */
    static String nextPage(Map<String, String> values, String cursor) {
        StringBuilder address = new StringBuilder("/console/audit?");
        values.forEach((name, value) -> address.append(name).append('=').append(encode(value)).append('&'));
        return address.append("cursor=").append(encode(cursor)).toString();
    }

    /** A datetime-local value (read as UTC, as shown) or an ISO instant, as the ISO instant the API takes. */
    static String instant(String value, String field, Map<String, String> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value).toString();
        } catch (DateTimeParseException notAnInstant) {
            try {
                return LocalDateTime.parse(value).toInstant(ZoneOffset.UTC).toString();
            } catch (DateTimeParseException notADate) {
                errors.put(field, "must be a date and time");
                return null;
            }
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value == null ? "" : value, StandardCharsets.UTF_8);
    }

    private static String text(String value) {
        return value == null ? "" : value.trim();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
