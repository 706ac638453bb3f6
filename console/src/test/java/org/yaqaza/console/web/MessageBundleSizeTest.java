package org.yaqaza.console.web;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Quarkus 3.33's generated resolver of a message bundle handles 300 messages per method and chains the next 300
 * in a second one, called with the wrong argument: the console then fails at start-up with a {@code VerifyError}
 * ("Bad type on operand stack" in {@code Msg_Bundle_resolve_0}) although the build passes. Seen when the prevention
 * labels took {@link Msg} from 278 to 354 messages. Until that is fixed, a bundle stays at 300 messages or fewer:
 * new pages add a bundle of their own (as {@link PreventionMsg} does).
 */
class MessageBundleSizeTest {

    static final int LIMIT = 300;

    @Test
    void everyBundleStaysWithinOneResolverChunk() {
        for (Class<?> bundle : new Class<?>[] { Msg.class, PreventionMsg.class, LiaisonMsg.class }) {
            int messages = bundle.getDeclaredMethods().length;
            assertTrue(messages <= LIMIT, bundle.getSimpleName() + " has " + messages + " messages; over " + LIMIT
                    + " Quarkus generates a resolver that fails verification at start-up: split the bundle");
        }
    }
}
