package org.yaqaza.intelligence.rest;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.yaqaza.common.persistence.Count;
import org.yaqaza.common.persistence.PageRequest;
import org.yaqaza.common.problem.ProblemException;
import org.yaqaza.common.security.Caller;
import org.yaqaza.common.security.CurrentCaller;
import org.yaqaza.common.security.Role;
import org.yaqaza.intelligence.alert.AlertPositions;
import org.yaqaza.intelligence.alert.AlertService;
import org.yaqaza.intelligence.alert.AlertSignal;
import org.yaqaza.intelligence.api.AlertView;
import org.yaqaza.intelligence.config.IntelligenceConfig;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.infrastructure.Infrastructure;

@Path("/api/intelligence/alerts")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Role.ANALYST, Role.SUPERVISOR })
public class AlertResource {

    private static final int STREAM_BATCH = 100;

    private final AlertService alerts;
    private final AlertSignal signal;
    private final AlertPositions positions;
    private final CurrentCaller caller;
    private final JsonWebToken token;
    private final ObjectMapper json;
    private final IntelligenceConfig config;

    public AlertResource(AlertService alerts, AlertSignal signal, AlertPositions positions, CurrentCaller caller,
            JsonWebToken token, ObjectMapper json, IntelligenceConfig config) {
        this.alerts = alerts;
        this.signal = signal;
        this.positions = positions;
        this.caller = caller;
        this.token = token;
        this.json = json;
        this.config = config;
    }

    /** Unread first, then newest first (or {@code sort}); {@code unread=true} for unread only, {@code type}. */
    @GET
    public List<AlertView> list(@QueryParam("unread") @DefaultValue("false") boolean unreadOnly,
            @Parameter(description = "Only alerts of this kind: WATCHED_ENTITY_MENTIONED, THREAT_LEVEL_RAISED or "
                    + "SCREENING_HIT") @QueryParam("type") String type,
            @Parameter(description = "Order: createdAt or type, '-' first for descending; default: unread first, "
                    + "then newest first") @QueryParam("sort") String sort,
            @QueryParam("offset") @DefaultValue("0") int offset, @QueryParam("limit") Integer limit) {
        if (offset < 0 || offset > 100_000) {
            throw ProblemException.badRequest("Invalid offset", "offset must be 0 to 100000.", "offset");
        }
        if (type != null && !AlertService.TYPES.contains(type)) {
            throw ProblemException.badRequest("Invalid type",
                    "type must be one of: " + String.join(", ", AlertService.TYPES) + ".", "type");
        }
        return alerts.list(caller.get(), unreadOnly, type, sort, offset, PageRequest.of(null, limit).limit());
    }

    @GET
    @Path("/count")
    public Count unread() {
        return new Count(alerts.countUnread(caller.get()));
    }

    @POST
    @Path("/{id}/read")
    public Response markRead(@PathParam("id") UUID id) {
        alerts.markRead(caller.get(), id);
        return Response.noContent().build();
    }

    /**
     * Live alerts as server-sent events. The first event ("connected") carries the caller's position: after the
     * last alert they may see; each alert event carries its position as id, so a client reconnecting with
     * Last-Event-ID gets every alert it missed. Positions are sealed for the caller ({@link AlertPositions}): no
     * global counter, no gap left by a hidden alert; an id not given to this caller is a 400. Alerts created by this
     * instance wake the stream at once; a timer also catches other instances'. The stream ends when the caller's
     * token expires (the gateway also ends it then, and earlier when the directory revokes the token): the client
     * reconnects with a fresh token and Last-Event-ID.
     */
    @GET
    @Path("/stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Blocking
    public Multi<OutboundSseEvent> stream(@HeaderParam("Last-Event-ID") String lastEventId, @Context Sse sse) {
        Caller who = caller.get();
        Duration untilExpiry = Duration.ofSeconds(Math.max(1,
                token.getExpirationTime() - Instant.now().getEpochSecond()));
        long start = lastEventId == null || lastEventId.isBlank() ? alerts.latestVisibleSeq(who)
                : positions.open(who, lastEventId);
        AtomicLong position = new AtomicLong(start);
        String sealed = positions.seal(who, start);
        OutboundSseEvent hello = sse.newEventBuilder().id(sealed).name("connected")
                .data("{\"position\":\"" + sealed + "\"}").build();
        Multi<Object> wakeUps = Multi.createBy().merging().streams(
                Multi.createFrom().ticks().every(config.alerts().pollInterval()).onOverflow().drop()
                        .map(tick -> (Object) tick),
                signal.stream().onOverflow().drop().map(s -> (Object) s));
        Multi<OutboundSseEvent> events = wakeUps
                .emitOn(Infrastructure.getDefaultWorkerPool())
                .onItem().transformToIterable(wake -> {
                    List<AlertService.Streamed> found = alerts.since(who, position.get(), STREAM_BATCH);
                    if (!found.isEmpty()) {
                        position.set(found.get(found.size() - 1).seq());
                    }
                    return found.stream().map(a -> event(sse, who, a)).toList();
                });
        return Multi.createBy().concatenating().streams(Multi.createFrom().item(hello), events)
                .select().first(untilExpiry);
    }

    private OutboundSseEvent event(Sse sse, Caller who, AlertService.Streamed streamed) {
        try {
            return sse.newEventBuilder().id(positions.seal(who, streamed.seq())).name("alert")
                    .data(json.writeValueAsString(streamed.alert())).build();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
