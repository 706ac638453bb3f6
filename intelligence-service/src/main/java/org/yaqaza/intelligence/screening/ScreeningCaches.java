package org.yaqaza.intelligence.screening;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

import org.yaqaza.intelligence.screening.NameNormaliser.Parsed;

import io.quarkus.cache.Cache;
import io.quarkus.cache.CacheName;
import io.quarkus.cache.CaffeineCache;

/**
 * The named caches of screening (quarkus-cache, sizes and expiry in application.properties):
 * <ul>
 * <li>{@value #NEIGHBOURS}: the vocabulary keys filed under one typo-neighbourhood probe (a key or one of its
 * one-letter deletions);</li>
 * <li>{@value #PARSED_NAMES}: a candidate name, parsed.</li>
 * </ul>
 * No value depends on who asks: which candidates a caller may see is decided in SQL on every query
 * ({@link ScreeningRepository#rank}) and never cached. Entity writes change the vocabulary; {@link ScreeningIndex}
 * reports the keys they touched and, once the transaction has ended, exactly those entries are dropped, so a
 * screening never waits out the expiry to find a new name. A value loaded while such a change commits is not
 * kept (see {@link #putAll}); the expiry only bounds what other replicas' writes leave stale here.
 */
@ApplicationScoped
public class ScreeningCaches {

    public static final String NEIGHBOURS = "screening-neighbours";
    public static final String PARSED_NAMES = "screening-parsed-names";

    private final CaffeineCache neighbours;
    private final CaffeineCache parsedNames;
    /** Vocabulary changes seen so far: a load that overlaps one is not trusted to be current. */
    private final AtomicLong changes = new AtomicLong();

    public ScreeningCaches(@CacheName(NEIGHBOURS) Cache neighbours, @CacheName(PARSED_NAMES) Cache parsedNames) {
        this.neighbours = neighbours.as(CaffeineCache.class);
        this.parsedNames = parsedNames.as(CaffeineCache.class);
    }

    /** What an entity write changed: keys new to the neighbourhood index. */
    public record VocabularyChange(Set<String> fuzzyAdded) {
    }

    /** Read before loading from the database, handed back to {@link #putAll}. */
    public long generation() {
        return changes.get();
    }

    public Map<String, List<String>> cachedNeighbourKeys(Collection<String> probes) {
        return present(neighbours, probes);
    }

    public void putNeighbourKeys(Map<String, List<String>> values, long generation) {
        putAll(neighbours, values, generation);
    }

    /** A name parsed once: the same candidates come back query after query. */
    public Parsed parsedName(String name, Function<String, Parsed> parser) {
        CompletableFuture<Parsed> cached = parsedNames.getIfPresent(name);
        if (cached != null) {
            return cached.join();
        }
        Parsed parsed = parser.apply(name);
        parsedNames.put(name, CompletableFuture.completedFuture(parsed));
        return parsed;
    }

    /**
     * After the writing transaction ends (committed or not): drops the neighbourhood probes under which a new key
     * is now found.
     */
    void onVocabularyChange(@Observes(during = TransactionPhase.AFTER_COMPLETION) VocabularyChange change) {
        changes.incrementAndGet();
        for (String key : change.fuzzyAdded()) {
            ScreeningIndex.neighbourhood(key).forEach(probe -> neighbours.invalidate(probe).await().indefinitely());
        }
    }

    private static <V> Map<String, V> present(CaffeineCache cache, Collection<String> keys) {
        Map<String, V> found = new HashMap<>();
        for (String key : keys) {
            CompletableFuture<V> cached = cache.getIfPresent(key);
            if (cached != null) {
                found.put(key, cached.join());
            }
        }
        return found;
    }

    /**
     * Caches values read at {@code generation}. If a vocabulary change ended since, they may predate it: they
     * are dropped again (the change's own invalidation may have run before they were put).
     */
    private <V> void putAll(CaffeineCache cache, Map<String, V> values, long generation) {
        values.forEach((key, value) -> cache.put(key, CompletableFuture.completedFuture(value)));
        if (changes.get() != generation) {
            values.keySet().forEach(key -> cache.invalidate(key).await().indefinitely());
        }
    }
}
