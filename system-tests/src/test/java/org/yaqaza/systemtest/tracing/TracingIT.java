package org.yaqaza.systemtest.tracing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.yaqaza.systemtest.Json.obj;

import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.yaqaza.systemtest.Json;
import org.yaqaza.systemtest.scenarios.Gateway;
import org.yaqaza.systemtest.scenarios.Gateway.Resp;
import org.yaqaza.systemtest.scenarios.SharedSuite;
import org.yaqaza.systemtest.tracing.OtlpReceiver.ReceivedSpan;

/**
 * Distributed tracing seen as an operator's collector sees it: the suite exports every span over OTLP to the test's
 * receiver, and a partner's submission (partner → gateway → liaison → outbox, later → intelligence) is one trace
 * whose spans hang together parent by parent across the three processes.
 */
@ExtendWith(SharedSuite.class)
class TracingIT {

    private static final String LIAISON = "/api/liaison";
    private static final String PARTNER = "pt-sis";
    private static final SecureRandom RANDOM = new SecureRandom();

    private static Gateway gw;

    @BeforeAll
    static void partner() {
        gw = SharedSuite.gateway();
        gw.partnerClient(PARTNER, PARTNER, "SECRET");
        String partnerId = gw.post(LIAISON + "/partners", "liaison-officer", obj("code", PARTNER, "country", "PT",
                "serviceName", "Serviço de Informações de Segurança", "status", "ACTIVE", "classification",
                "RESTRICTED", "sharedWith", List.of("DGST"), "contacts", List.of(obj("name", "Liaison desk",
                        "email", "desk@pt-sis.example.org")), "clientIds", List.of(PARTNER))).expect(201).str("id");
        gw.post(LIAISON + "/partners/" + partnerId + "/agreements", "liaison-officer", obj("reference",
                "MOU-PT-SIS", "ceiling", "SECRET", "categories", List.of("TERRORISM"), "validFrom",
                LocalDate.now().minusYears(1).toString(), "status", "ACTIVE")).expect(201);
    }

    @Test
    void aPartnerSubmissionIsOneTraceFromTheGatewayThroughTheOutboxToTheIntelligenceService() {
        String traceId = hex(16);
        String callerSpan = hex(8);
        Resp accepted = gw.call("POST", LIAISON + "/partner/intelligence", PARTNER, Json.write(obj(
                "title", "رصد زورق سريع قبالة سواحل الغرب", "body", "معلومات من الشريك البرتغالي عن تحركات مشبوهة.",
                "language", "ar", "reliability", "B", "credibility", 2, "classification", "CONFIDENTIAL",
                "tlp", "AMBER")), null, "00-" + traceId + "-" + callerSpan + "-01").expect(202);
        String submissionId = accepted.str("id");

        List<ReceivedSpan> spans = List.of();
        for (long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60); ; Gateway.sleep(300)) {
            spans = SharedSuite.traces().spansOf(traceId);
            if (spans.stream().anyMatch(s -> s.service().equals("intelligence-service") && isServer(s))
                    && complete(spans, callerSpan)) {
                break;
            }
            assertTrue(System.nanoTime() < until, "trace " + traceId + " did not reach the intelligence-service "
                    + "with every parent span exported within 60 s; received: " + spans);
        }
        Map<String, ReceivedSpan> byId = spans.stream()
                .collect(Collectors.toMap(ReceivedSpan::spanId, Function.identity(), (a, b) -> a));

        // the gateway continues the partner's trace: its server span is the child of the caller's span
        ReceivedSpan gateway = only(spans, s -> s.service().equals("gateway") && isServer(s)
                && s.parentSpanId().equals(callerSpan), "gateway server span");
        // liaison's request span descends from the gateway's (not straight from the caller: the proxy passed its own)
        ReceivedSpan liaison = only(spans, s -> s.service().equals("liaison-service") && isServer(s),
                "liaison server span");
        assertEquals("gateway", byId.get(liaison.parentSpanId()) == null ? "?"
                : byId.get(liaison.parentSpanId()).service(), "liaison's parent: " + spans);
        assertTrue(descendsFrom(liaison, gateway, byId), spans.toString());
        // the delivery ran later in the scheduler, still inside the request's trace
        ReceivedSpan delivery = only(spans, s -> s.service().equals("liaison-service")
                && s.name().startsWith("outbox deliver"), "outbox delivery span");
        assertTrue(descendsFrom(delivery, liaison, byId), "the delivery is not under the request: " + spans);
        // and the intelligence-service's request is the delivery's call
        ReceivedSpan intelligence = only(spans, s -> s.service().equals("intelligence-service") && isServer(s)
                && s.name().startsWith("POST"), "intelligence report creation");
        assertEquals("liaison-service", byId.get(intelligence.parentSpanId()) == null ? "?"
                : byId.get(intelligence.parentSpanId()).service(), "intelligence's parent: " + spans);
        assertTrue(descendsFrom(intelligence, delivery, byId), spans.toString());

        assertEquals(Set.of("gateway", "liaison-service", "intelligence-service"),
                spans.stream().map(ReceivedSpan::service).collect(Collectors.toSet()));
        assertNotNull(submissionId);
    }

    @Test
    void aProblemBodyNamesTheTraceOfTheRequest() {
        String traceId = hex(16);
        Resp missing = gw.call("GET", LIAISON + "/partners/" + UUID.randomUUID(), "liaison-officer", null, null,
                "00-" + traceId + "-" + hex(8) + "-01").expect(404);
        assertEquals(traceId, missing.str("traceId"), missing.body());
        assertNotNull(missing.str("requestId"), missing.body());
    }

    /**
     * Every span's parent has arrived (or is the caller's own): a parent ends after its children, so each service's
     * batch exporter may send it in a later batch — the outbox delivery span arrives after the calls made inside it.
     */
    private static boolean complete(List<ReceivedSpan> spans, String callerSpan) {
        Set<String> received = spans.stream().map(ReceivedSpan::spanId).collect(Collectors.toSet());
        return spans.stream().allMatch(s -> s.parentSpanId().equals(callerSpan) || received.contains(s.parentSpanId()));
    }

    private static boolean isServer(ReceivedSpan span) {
        return span.kind() == ReceivedSpan.SERVER;
    }

    private static ReceivedSpan only(List<ReceivedSpan> spans, java.util.function.Predicate<ReceivedSpan> which,
            String what) {
        List<ReceivedSpan> found = spans.stream().filter(which).toList();
        assertEquals(1, found.size(), what + " in " + spans);
        return found.get(0);
    }

    private static boolean descendsFrom(ReceivedSpan span, ReceivedSpan ancestor, Map<String, ReceivedSpan> byId) {
        for (ReceivedSpan at = byId.get(span.parentSpanId()); at != null; at = byId.get(at.parentSpanId())) {
            if (at.spanId().equals(ancestor.spanId())) {
                return true;
            }
        }
        return false;
    }

    private static String hex(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }
}
