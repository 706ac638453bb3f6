package org.yaqaza.common.tracing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Scope;

class TraceContextsTest {

    private static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String SPAN = "00f067aa0ba902b7";

    @Test
    void theStoredTraceparentOfARequestContinuesItsTraceLater() {
        SpanContext request = SpanContext.create(TRACE, SPAN, TraceFlags.getSampled(), TraceState.getDefault());
        String stored;
        try (Scope ignored = Span.wrap(request).makeCurrent()) {
            stored = TraceContexts.currentTraceparent();
            assertEquals(TRACE, TraceContexts.currentTraceId());
        }
        assertEquals("00-" + TRACE + "-" + SPAN + "-01", stored);

        SpanContext continued = Span.fromContext(TraceContexts.fromTraceparent(stored)).getSpanContext();
        assertEquals(TRACE, continued.getTraceId());
        assertEquals(SPAN, continued.getSpanId());
        assertTrue(continued.isSampled());
        assertTrue(continued.isRemote());
    }

    @Test
    void outsideATraceThereIsNothingToStoreOrShow() {
        assertNull(TraceContexts.currentTraceparent());
        assertNull(TraceContexts.currentTraceId());
    }

    @Test
    void aMissingOrMalformedTraceparentStartsAfresh() {
        for (String stored : new String[] {null, "", "00-zz-00f067aa0ba902b7-01", "00-" + "0".repeat(32) + "-" + SPAN
                + "-01"}) {
            assertFalse(Span.fromContext(TraceContexts.fromTraceparent(stored)).getSpanContext().isValid(), stored);
        }
    }
}
