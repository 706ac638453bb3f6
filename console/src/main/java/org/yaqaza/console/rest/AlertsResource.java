package org.yaqaza.console.rest;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;

import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.yaqaza.console.api.AlertView;
import org.yaqaza.console.api.WatchRequest;
import org.yaqaza.console.service.AlertStreamApi;
import org.yaqaza.console.service.IntelligenceApi;
import org.yaqaza.console.web.Pages;
import org.yaqaza.console.web.Redirects;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;

/**
 * The watch list's alerts: the list (the inbox's order or another, paged, filtered), marking one read, putting an
 * entity on the watch list, the unread count and the live stream that the header's counter and this page listen to
 * (relayed from the API with the user's token; the browser's EventSource resumes with Last-Event-ID after a
 * reconnect).
 */
@Path("/alerts")
@Authenticated
public class AlertsResource {

    private static final int LISTED = 50;
    /** Keeps the offset asked of the API an int (nobody pages through a million alerts by hand). */
    private static final int MAX_PAGE = 10_000;

    private final IntelligenceApi intelligence;
    private final AlertStreamApi stream;
    private final Pages pages;
    private final SecurityIdentity identity;
    private final Template alerts;

    public AlertsResource(@RestClient IntelligenceApi intelligence, @RestClient AlertStreamApi stream, Pages pages,
            SecurityIdentity identity, @Location("alerts") Template alerts) {
        this.intelligence = intelligence;
        this.stream = stream;
        this.pages = pages;
        this.identity = identity;
        this.alerts = alerts;
    }

    /**
     * One page of alerts in the inbox's order (unread first, then newest first) or another the API offers, all or
     * unread only, all kinds or one; one row more than shown is asked for to know whether a next page exists.
     * The filters and the order travel with the page links; the API answers a bad value with a 400.
     */
    @GET
    @Blocking
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance list(@QueryParam("unread") boolean unreadOnly, @QueryParam("type") String type,
            @QueryParam("sort") String sort, @QueryParam("page") String page) {
        int index = pageIndex(page);
        String kind = type == null || type.isBlank() ? null : type;
        String order = sort == null || sort.isBlank() ? null : sort;
        List<AlertView> found = intelligence.alerts(unreadOnly, kind, order, index * LISTED, LISTED + 1);
        StringBuilder query = new StringBuilder();
        if (unreadOnly) {
            query.append("unread=true&");
        }
        if (kind != null) {
            query.append("type=").append(URLEncoder.encode(kind, StandardCharsets.UTF_8)).append('&');
        }
        if (order != null) {
            query.append("sort=").append(URLEncoder.encode(order, StandardCharsets.UTF_8)).append('&');
        }
        return pages.render(alerts).data("alerts", found.subList(0, Math.min(found.size(), LISTED)))
                .data("unreadOnly", unreadOnly).data("type", kind == null ? "" : kind)
                .data("sort", order == null ? "" : order)
                .data("next", found.size() > LISTED ? "/console/alerts?" + query + "page=" + (index + 1) : null)
                .data("previous", index > 0 ? "/console/alerts?" + query + "page=" + (index - 1) : null);
    }

    /** A page number from the address: 0 when absent; anything but a small non-negative number is a 400. */
    static int pageIndex(String page) {
        if (page == null || page.isBlank()) {
            return 0;
        }
        try {
            int index = Integer.parseInt(page.trim());
            if (index >= 0 && index <= MAX_PAGE) {
                return index;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new WebApplicationException(Response.status(400).build());
    }

    @POST
    @Blocking
    @Path("/{id}/read")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response markRead(@PathParam("id") String id) {
        intelligence.markRead(ReportPagesResource.uuidOrNotFound(id));
        return Redirects.seeOther("/console/alerts").build();
    }

    /** Puts an entity on the user's watch list (from the entity page), then back to that page. */
    @POST
    @Blocking
    @Path("/watch/{entityId}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response watch(@PathParam("entityId") String entityId) {
        String id = ReportPagesResource.uuidOrNotFound(entityId);
        intelligence.watch(new WatchRequest(id));
        return Redirects.seeOther("/console/entities/" + id).build();
    }

    @GET
    @Blocking
    @Path("/count.json")
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Long> unread() {
        return Map.of("count", intelligence.unreadAlerts().count());
    }

    @GET
    @Path("/stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public Multi<OutboundSseEvent> live(@HeaderParam("Last-Event-ID") String lastEventId, @Context Sse sse) {
        AccessTokenCredential token = identity.getCredential(AccessTokenCredential.class);
        return stream.stream("Bearer " + token.getToken(), lastEventId)
                .map(event -> sse.newEventBuilder().id(event.id()).name(event.name() == null ? "message"
                        : event.name()).data(event.data() == null ? "" : event.data()).build());
    }
}
