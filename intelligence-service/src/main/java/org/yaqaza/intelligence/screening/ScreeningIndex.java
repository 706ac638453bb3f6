package org.yaqaza.intelligence.screening;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;

import org.yaqaza.common.persistence.Sql;
import org.yaqaza.intelligence.model.EntityKind;

/**
 * Keeps the screening keys of an entity in step with its names, in the transaction that changes them: postings
 * replaced, keys new to the entity given their typo neighbourhood. No count over entities is kept: any such count
 * would include entities some screener may not see. The keys added are reported to {@link ScreeningCaches}, which
 * drops their neighbourhood probes once the transaction has ended.
 */
@ApplicationScoped
public class ScreeningIndex {

    /** Name parts of one name that form pairs (a longer name still gets single keys for every part). */
    static final int MAX_PAIRED_PARTS = 6;

    private final Sql sql;
    private final Event<ScreeningCaches.VocabularyChange> changes;

    public ScreeningIndex(Sql sql, Event<ScreeningCaches.VocabularyChange> changes) {
        this.sql = sql;
        this.changes = changes;
    }

    /** Single keys and pair keys of a set of names of one entity. */
    public record Keys(Set<String> singles, Set<String> pairs) {
        public List<String> all() {
            List<String> all = new ArrayList<>(singles);
            all.addAll(pairs);
            return all;
        }
    }

    public static boolean screened(EntityKind kind) {
        return kind == EntityKind.PERSON || kind == EntityKind.ORGANISATION;
    }

    public static Keys keysOf(Collection<String> names) {
        Set<String> singles = new TreeSet<>();
        Set<String> pairs = new TreeSet<>();
        NameNormaliser normaliser = NameNormaliser.standard();
        for (String name : names) {
            List<NameNormaliser.Part> parts = normaliser.parse(name).parts();
            for (NameNormaliser.Part p : parts) {
                singles.addAll(p.keys());
            }
            int n = Math.min(parts.size(), MAX_PAIRED_PARTS);
            for (int i = 0; i < n; i++) {
                for (int j = i + 1; j < n; j++) {
                    pairs.add(pair(parts.get(i).pairKey(), parts.get(j).pairKey()));
                }
            }
        }
        pairs.removeIf(p -> !p.contains("+") || p.indexOf('+') == 0);
        return new Keys(singles, pairs);
    }

    /** Order-free pair key; a part with itself ("Mohamed ben Mohamed") is kept as such. */
    public static String pair(String a, String b) {
        return a.compareTo(b) <= 0 ? a + "+" + b : b + "+" + a;
    }

    /** The key itself and its one-letter deletions (for keys of three letters or more): typo neighbourhood. */
    public static Set<String> neighbourhood(String key) {
        Set<String> out = new HashSet<>();
        if (key.startsWith("~") || key.length() < 2) {
            return out;
        }
        out.add(key);
        if (key.length() >= 3) {
            for (int i = 0; i < key.length(); i++) {
                out.add(key.substring(0, i) + key.substring(i + 1));
            }
        }
        return out;
    }

    /** In the caller's transaction: replaces the keys of one entity (no names or not screened: removes them). */
    public void reindex(UUID entityId, EntityKind kind, Collection<String> names) {
        Keys keys = screened(kind) ? keysOf(names) : new Keys(Set.of(), Set.of());
        List<String> old = sql.query("delete from screening_posting where entity_id = :id returning key",
                Map.of("id", entityId), rs -> rs.getString(1));
        Set<String> oldSingles = new TreeSet<>();
        old.stream().filter(k -> !k.contains("+")).forEach(oldSingles::add);
        Set<String> added = new TreeSet<>(keys.singles());
        added.removeAll(oldSingles);
        if (!keys.singles().isEmpty()) {
            Map<String, Object> p = new HashMap<>();
            p.put("id", entityId);
            p.put("keys", keys.all().toArray(String[]::new));
            // the entity row is flushed before this runs: its birth year goes into every posting (V6)
            sql.update("insert into screening_posting (key, birth_year, entity_id) select k,"
                    + " coalesce(extract(year from e.birth_date)::smallint, 0), e.id from unnest(:keys) k"
                    + " cross join entity e where e.id = :id on conflict do nothing", p);
        }
        if (!added.isEmpty()) {
            List<String> dels = new ArrayList<>();
            List<String> targets = new ArrayList<>();
            for (String key : added) {
                for (String d : neighbourhood(key)) {
                    dels.add(d);
                    targets.add(key);
                }
            }
            if (!dels.isEmpty()) {
                // sorted, so concurrent writers lock the same rows in the same order (no deadlock)
                sql.update("insert into screening_fuzzy (del, key) select d, k from unnest(:dels, :keys) as x(d, k)"
                        + " order by d, k on conflict do nothing", Map.of("dels", dels.toArray(String[]::new),
                                "keys", targets.toArray(String[]::new)));
            }
            changes.fire(new ScreeningCaches.VocabularyChange(added));
        }
    }
}
