package org.yaqaza.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.yaqaza.gateway.edge.CircuitBreaker;

class CircuitBreakerTest {

    @Test
    void opensAfterTheThresholdLetsOneTrialThroughAndClosesOnSuccess() throws Exception {
        CircuitBreaker circuit = new CircuitBreaker(3, Duration.ofMillis(200));
        circuit.failure();
        circuit.success();
        circuit.failure();
        circuit.failure();
        assertTrue(circuit.allow(), "failures must be consecutive: a success in between resets the count");
        circuit.failure();
        assertEquals(CircuitBreaker.State.OPEN, circuit.state());
        assertFalse(circuit.allow());
        assertEquals(1, circuit.retryAfterSeconds(7), "the pause left, rounded up, not the fallback");

        Thread.sleep(250);
        assertTrue(circuit.allow(), "one trial after the pause");
        assertFalse(circuit.allow(), "only one trial at a time");
        circuit.failure();
        assertEquals(CircuitBreaker.State.OPEN, circuit.state(), "a failed trial opens it again at once");
        assertFalse(circuit.allow());

        Thread.sleep(250);
        assertTrue(circuit.allow());
        circuit.success();
        assertEquals(CircuitBreaker.State.CLOSED, circuit.state());
        assertTrue(circuit.allow());
        assertTrue(circuit.allow());
        assertEquals(7, circuit.retryAfterSeconds(7));
    }
}
