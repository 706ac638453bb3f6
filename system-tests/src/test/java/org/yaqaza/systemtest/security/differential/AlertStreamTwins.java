package org.yaqaza.systemtest.security.differential;

import static org.yaqaza.systemtest.security.differential.Cast.ANALYST;
import static org.yaqaza.systemtest.security.differential.Cast.COLLECTOR;
import static org.yaqaza.systemtest.security.differential.Cast.LOW_CLEARANCE;
import static org.yaqaza.systemtest.security.differential.Cast.OWNER_ANALYST;
import static org.yaqaza.systemtest.security.differential.Cast.OWNER_SUPERVISOR;
import static org.yaqaza.systemtest.security.differential.Cast.SUPERVISOR;
import static org.yaqaza.systemtest.security.differential.Records.HIDDEN;
import static org.yaqaza.systemtest.security.differential.Records.INTEL;
import static org.yaqaza.systemtest.security.differential.Records.SEEN;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.yaqaza.systemtest.Json;
import org.yaqaza.systemtest.scenarios.Gateway;

/**
 * The alert stream ({@code /alerts/stream}, server-sent events) and the alert list's sequence numbers. In each
 * stage every caller opens a stream, then two visible alerts are raised (a report naming a watched person), with
 * in between: nothing (plain), a hidden alert (shadowed; another hidden alert is also raised just before the
 * streams open), or a third visible alert (lit). The answer compared is what a caller can compute from what it
 * received: where the {@code connected} event puts it relative to the last alert it saw, the alerts themselves,
 * and the steps between the event ids (and between the {@code seq} of the same alerts in {@code GET /alerts}).
 * Numeric ids are compared by their differences; ids that are not numbers are compared only for being opaque.
 */
final class AlertStreamTwins implements Consumer<Stage> {

    static final List<String> CALLERS = List.of(ANALYST, SUPERVISOR, LOW_CLEARANCE);
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String TITLE = "تقرير رصد للمراقب";

    private final Records r;
    private final Gateway gw;
    private String watched;
    private String hiddenWatched;
    /** Per caller: the id of the last alert event it received (where a new stream should start). */
    private final Map<String, String> lastSeen = new HashMap<>();
    private final Map<String, String> answers = new HashMap<>();

    AlertStreamTwins(Records records) {
        this.r = records;
        this.gw = records.gateway();
    }

    List<Probe> probes() {
        return List.of(new TwinProbe("alert stream", List.of("GET /api/intelligence/alerts/stream",
                "GET /api/intelligence/alerts"), CALLERS, List.of(), "connected position, alerts and the steps "
                + "between event ids (and list seq) around a hidden alert", (caller, stage) -> answers.get(caller)));
    }

    @Override
    public void accept(Stage stage) {
        answers.clear();
        if (stage == Stage.REMOVED) {
            return; // alerts are append-only: nothing to take back
        }
        if (watched == null) {
            watched = r.person(ANALYST, "رشيد المتابع", "Rachid Moutabaa", SEEN);
            r.watch(ANALYST, watched);
            hiddenWatched = r.person(OWNER_ANALYST, "مراد الخفي", "Mourad Khafi", HIDDEN);
            r.watch(OWNER_SUPERVISOR, hiddenWatched);
            prime();
        }
        if (stage == Stage.HIDDEN) {
            hiddenAlert();
        }
        Map<String, EventStream> streams = open();
        try {
            Map<String, String> connected = new HashMap<>();
            for (String caller : CALLERS) {
                EventStream.Event hello = streams.get(caller).await(e -> e.name().equals("connected"), WAIT);
                if (hello == null) {
                    throw new AssertionError(caller + ": no connected event within " + WAIT);
                }
                connected.put(caller, hello.id());
            }
            String first = visibleAlert();
            if (stage == Stage.HIDDEN) {
                hiddenAlert();
            } else if (stage == Stage.VISIBLE) {
                visibleAlert();
            }
            String last = visibleAlert();
            for (String caller : CALLERS) {
                EventStream stream = streams.get(caller);
                if (stream.await(e -> e.data().contains(last), WAIT) == null) {
                    throw new AssertionError(caller + ": the last visible alert did not arrive within " + WAIT);
                }
                List<EventStream.Event> alerts = stream.seen().stream().filter(e -> e.name().equals("alert"))
                        .toList();
                answers.put(caller, answer(caller, connected.get(caller), alerts, first, last));
                lastSeen.put(caller, alerts.get(alerts.size() - 1).id());
            }
        } finally {
            streams.values().forEach(EventStream::close);
        }
    }

    /** Before the first stage: every caller receives one alert, so that each knows where it stands. */
    private void prime() {
        Map<String, EventStream> streams = open();
        try {
            for (String caller : CALLERS) {
                streams.get(caller).await(e -> e.name().equals("connected"), WAIT);
            }
            String report = visibleAlert();
            for (String caller : CALLERS) {
                EventStream.Event event = streams.get(caller).await(e -> e.data().contains(report), WAIT);
                if (event == null) {
                    throw new AssertionError(caller + ": the priming alert did not arrive within " + WAIT);
                }
                lastSeen.put(caller, event.id());
            }
        } finally {
            streams.values().forEach(EventStream::close);
        }
    }

    private Map<String, EventStream> open() {
        Map<String, EventStream> streams = new LinkedHashMap<>();
        for (String caller : CALLERS) {
            streams.put(caller, EventStream.open(gw, INTEL + "/alerts/stream", caller));
        }
        return streams;
    }

    /** A report naming the watched person: an alert every caller may see. Returns the report's id. */
    private String visibleAlert() {
        return r.report(COLLECTOR, TITLE, "شوهد رشيد المتابع قرب المحطة.", SEEN, List.of(watched));
    }

    /** A report naming the hidden watched person: an alert no caller may see. */
    private void hiddenAlert() {
        r.report(OWNER_ANALYST, "تقرير سري للمراقب", "شوهد مراد الخفي.", HIDDEN, List.of(hiddenWatched));
    }

    @SuppressWarnings("unchecked")
    private String answer(String caller, String connectedId, List<EventStream.Event> alerts, String firstReport,
            String lastReport) {
        StringBuilder out = new StringBuilder();
        Long connected = number(connectedId);
        Long previous = number(lastSeen.get(caller));
        out.append("connected: ").append(connected != null && previous != null
                ? "last seen " + signed(connected - previous)
                : connectedId != null && connectedId.equals(lastSeen.get(caller)) ? "at the last alert seen"
                        : "opaque");
        List<String> shown = new ArrayList<>();
        List<String> steps = new ArrayList<>();
        Long before = connected;
        for (EventStream.Event event : alerts) {
            Map<String, Object> data = (Map<String, Object>) Json.parse(event.data());
            shown.add(data.get("type") + " " + data.get("entityName") + ": " + data.get("message"));
            Long id = number(event.id());
            steps.add(id != null && before != null ? signed(id - before) : "opaque");
            before = id;
        }
        out.append("\nalerts: ").append(shown).append("\nevent id steps: ").append(steps);
        // the same alerts in the list: their seq (if the list shows one) steps like the event ids
        List<Object> listed = (List<Object>) Json.parse(gw.get(INTEL + "/alerts?limit=20", caller).expect(200)
                .body());
        Long firstSeq = null;
        Long lastSeq = null;
        for (Object item : listed) {
            Map<String, Object> alert = (Map<String, Object>) item;
            Object seq = alert.get("seq");
            if (firstReport.equals(alert.get("reportId"))) {
                firstSeq = seq instanceof Number n ? n.longValue() : null;
            } else if (lastReport.equals(alert.get("reportId"))) {
                lastSeq = seq instanceof Number n ? n.longValue() : null;
            }
        }
        out.append("\nlist seq step from the first to the last alert: ")
                .append(firstSeq != null && lastSeq != null ? signed(lastSeq - firstSeq) : "opaque");
        return out.toString();
    }

    private static Long number(String id) {
        try {
            return id == null ? null : Long.parseLong(id.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String signed(long n) {
        return (n >= 0 ? "+" : "") + n;
    }
}
