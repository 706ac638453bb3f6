package org.yaqaza.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.yaqaza.gateway.config.GatewayConfig;
import org.yaqaza.gateway.edge.RateLimiter;

import io.vertx.core.Vertx;

/** The lock-free token buckets: never more than the burst at once, however many event loops take at once. */
class RateLimiterTest {

    @Test
    void concurrentTakersNeverGetMoreThanTheBurstAndTheHeadersAddUp() throws Exception {
        Vertx vertx = Vertx.vertx();
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            // one token back every ~17 minutes: nothing refills while the test runs
            RateLimiter limiter = new RateLimiter(config(Map.of("default", limit(100, 0.001))), vertx);
            RateLimiter.Group group = limiter.group("default").orElseThrow();
            AtomicInteger allowed = new AtomicInteger();
            CountDownLatch start = new CountDownLatch(1);
            CountDownLatch done = new CountDownLatch(8);
            for (int t = 0; t < 8; t++) {
                threads.execute(() -> {
                    try {
                        start.await();
                        for (int i = 0; i < 1000; i++) {
                            if (limiter.take(group, "analyst-1").allowed()) {
                                allowed.incrementAndGet();
                            }
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    } finally {
                        done.countDown();
                    }
                });
            }
            start.countDown();
            assertTrue(done.await(30, TimeUnit.SECONDS));
            assertEquals(100, allowed.get());

            RateLimiter.Decision refused = limiter.peek(group, "analyst-1");
            assertFalse(refused.allowed());
            assertEquals(100, refused.limit());
            assertEquals(0, refused.remaining());
            // 100 tokens at 0.001/s: 100,000 s to full, 1,000 s until the next one
            assertTrue(Math.abs(refused.resetSeconds() - 100_000) <= 1, "reset " + refused.resetSeconds());
            assertTrue(Math.abs(refused.retryAfterSeconds() - 1_000) <= 1, "retry " + refused.retryAfterSeconds());

            // another client's bucket is untouched
            RateLimiter.Decision other = limiter.take(group, "analyst-2");
            assertTrue(other.allowed());
            assertEquals(99, other.remaining());
        } finally {
            threads.shutdownNow();
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }

    private static GatewayConfig.RateLimit limit(int burst, double perSecond) {
        return (GatewayConfig.RateLimit) Proxy.newProxyInstance(RateLimiterTest.class.getClassLoader(),
                new Class<?>[] { GatewayConfig.RateLimit.class }, (proxy, method, args) -> switch (method.getName()) {
                    case "burst" -> burst;
                    case "perSecond" -> perSecond;
                    case "paths" -> Optional.<List<String>> empty();
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    /** Only the rate limits are read by the limiter. */
    private static GatewayConfig config(Map<String, GatewayConfig.RateLimit> limits) {
        return (GatewayConfig) Proxy.newProxyInstance(RateLimiterTest.class.getClassLoader(),
                new Class<?>[] { GatewayConfig.class }, (proxy, method, args) -> {
                    if (method.getName().equals("rateLimits")) {
                        return limits;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }
}
