package org.yaqaza.liaison.taxii;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import com.fasterxml.jackson.databind.node.ObjectNode;

import org.yaqaza.liaison.service.Publication;

/**
 * The TAXII object store: every object version in a collection with a monotonic sequence number. Writers hold
 * an advisory lock while they draw the number and until they commit, so numbers become visible in order: a
 * client paging with {@code next} (the last number it saw) never skips an object added meanwhile, nor sees one
 * twice. {@code date_added} strictly increases along the sequence, so {@code added_after} polling is as exact.
 */
@ApplicationScoped
public class TaxiiStore implements Publication {

    /** Advisory lock key of the TAXII sequence (any constant unique within this database). */
    private static final long SEQUENCE_LOCK = 0x54415849L;
    public static final UUID INBOX = UUID.nameUUIDFromBytes("yaqaza:taxii:inbox".getBytes(StandardCharsets.UTF_8));

    /**
     * The reading client is registered for the partner and the partner has not ended: uncorrelated, so PostgreSQL
     * evaluates it once per query (a one-time filter), not per row.
     */
    private static final String READER_REGISTERED = "exists (select 1 from partner p where p.code = :partner "
            + "and p.status <> 'ENDED' and :client = any (p.client_ids))";

    private final EntityManager em;

    public TaxiiStore(EntityManager em) {
        this.em = em;
    }

    public static UUID collectionOf(String partnerCode) {
        return UUID.nameUUIDFromBytes(("yaqaza:taxii:releases:" + partnerCode).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void publish(String partnerCode, UUID releaseId, List<ObjectNode> objects) {
        add(partnerCode, releaseId, objects);
    }

    /**
     * Adds object versions to a partner's collection in the current transaction; known versions are skipped.
     * The STIX text is stored as rendered and sent as is. A newer version takes the {@code latest} mark from the
     * older ones (writers hold the sequence lock, so two never race on one object).
     */
    public int add(String partnerCode, UUID releaseId, List<ObjectNode> objects) {
        em.createNativeQuery("select pg_advisory_xact_lock(" + SEQUENCE_LOCK + ")").getSingleResult();
        UUID collection = collectionOf(partnerCode);
        int added = 0;
        for (ObjectNode o : objects) {
            String id = o.get("id").asText();
            String version = o.hasNonNull("modified") ? o.get("modified").asText() : o.get("created").asText();
            // one round trip per object (the sequence lock is held meanwhile): the insert, and in the same
            // statement the latest mark taken from older versions (a data-modifying WITH runs to completion)
            Number inserted = (Number) em.createNativeQuery("""
                    with added as (
                        insert into taxii_object (collection_id, partner_code, stix_id, stix_type, spec_version,
                            stix_version, date_added, release_id, object, latest)
                        values (:collection, :partner, :id, :type, :spec, :version,
                            greatest(clock_timestamp(), coalesce((select date_added + interval '1 microsecond'
                                from taxii_object order by seq desc limit 1), '-infinity')), :release, :object,
                            not exists (select 1 from taxii_object n where n.collection_id = :collection
                                and n.stix_id = :id and n.stix_version > :version))
                        on conflict (collection_id, stix_id, stix_version) do nothing
                        returning latest),
                    superseded as (
                        update taxii_object t set latest = false
                        where t.collection_id = :collection and t.stix_id = :id and t.stix_version < :version
                          and t.latest and exists (select 1 from added where added.latest))
                    select count(*) from added""")
                    .setParameter("collection", collection)
                    .setParameter("partner", partnerCode)
                    .setParameter("id", id)
                    .setParameter("type", o.get("type").asText())
                    .setParameter("spec", o.path("spec_version").asText("2.1"))
                    .setParameter("version", version)
                    .setParameter("release", releaseId)
                    .setParameter("object", o.toString())
                    .getSingleResult();
            added += inserted.intValue();
        }
        return added;
    }

    /** A partner system reading: the {@code partner} claim and the token subject (its gateway client id). */
    public record Reader(String partnerCode, String clientId) {
    }

    /** One stored object version. */
    public record Row(long seq, String stixId, String version, Instant dateAdded, String json) {
    }

    /** A page of rows and whether more match. */
    public record Slice(List<Row> rows, boolean more) {
    }

    /**
     * Rows of a partner's collection in the order they were added, after the position {@code after} (null: from
     * the start), matching the filter. The
     * partner rule is part of the query: rows only of the reader's own collection, and only while the reading
     * client is registered for that partner (not ENDED); otherwise nothing. The version filter keeps the
     * first/last version of each object or the listed versions.
     */
    public Slice query(Reader reader, UUID collection, TaxiiFilter filter, Long after, String onlyId, int limit) {
        StringBuilder sql = new StringBuilder("select o.seq, o.stix_id, o.stix_version, o.date_added, o.object "
                + "from taxii_object o where o.collection_id = :collection and o.partner_code = :partner and "
                + READER_REGISTERED);
        Map<String, Object> params = new HashMap<>();
        params.put("collection", collection);
        params.put("partner", reader.partnerCode());
        params.put("client", reader.clientId());
        if (onlyId != null) {
            sql.append(" and o.stix_id = :onlyId");
            params.put("onlyId", onlyId);
        }
        if (after != null) {
            sql.append(" and o.seq > :after");
            params.put("after", after);
        }
        if (filter.addedAfter() != null) {
            // date_added strictly increases with seq, so "added after T" is "seq after the last one added by T"
            sql.append(" and o.seq > coalesce((select a.seq from taxii_object a where a.date_added <= :addedAfter "
                    + "order by a.date_added desc limit 1), 0)");
            params.put("addedAfter", Timestamp.from(filter.addedAfter()));
        }
        if (!filter.ids().isEmpty()) {
            sql.append(" and o.stix_id in (:ids)");
            params.put("ids", filter.ids());
        }
        if (!filter.types().isEmpty()) {
            sql.append(" and o.stix_type in (:types)");
            params.put("types", filter.types());
        }
        if (!filter.specVersions().isEmpty()) {
            sql.append(" and o.spec_version in (:specs)");
            params.put("specs", filter.specVersions());
        }
        List<String> versionTerms = new ArrayList<>();
        if (filter.versions().all()) {
            versionTerms.add("true");
        }
        if (filter.versions().last()) {
            // kept by the writer: alone, this term lets the planner walk the partial (collection, seq) index
            versionTerms.add("o.latest");
        }
        if (filter.versions().first()) {
            // a scalar subquery per row off the unique (collection, id, version) index, never a hash anti-join
            versionTerms.add("o.stix_version = (select min(n.stix_version) from taxii_object n "
                    + "where n.collection_id = o.collection_id and n.stix_id = o.stix_id)");
        }
        if (!filter.versions().exact().isEmpty()) {
            versionTerms.add("o.stix_version in (:versions)");
            params.put("versions", filter.versions().exact());
        }
        sql.append(" and (").append(String.join(" or ", versionTerms)).append(")");
        sql.append(" order by o.seq limit :limit");
        params.put("limit", limit + 1);
        var query = em.createNativeQuery(sql.toString());
        params.forEach(query::setParameter);
        @SuppressWarnings("unchecked")
        List<Object[]> raw = query.getResultList();
        List<Row> rows = new ArrayList<>(Math.min(raw.size(), limit));
        for (int i = 0; i < raw.size() && i < limit; i++) {
            Object[] r = raw.get(i);
            rows.add(new Row(((Number) r[0]).longValue(), (String) r[1], (String) r[2], instant(r[3]),
                    (String) r[4]));
        }
        return new Slice(rows, raw.size() > limit);
    }

    /** Whether the object is in the reader's collection (same partner rule as {@link #query}). */
    public boolean exists(Reader reader, UUID collection, String stixId) {
        return !em.createNativeQuery("select 1 from taxii_object o where o.collection_id = :collection "
                + "and o.partner_code = :partner and o.stix_id = :id and " + READER_REGISTERED + " limit 1")
                .setParameter("collection", collection).setParameter("partner", reader.partnerCode())
                .setParameter("client", reader.clientId()).setParameter("id", stixId).getResultList().isEmpty();
    }

    static Instant instant(Object value) {
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        if (value instanceof Timestamp t) {
            return t.toInstant();
        }
        throw new IllegalStateException("unexpected timestamp type " + value.getClass());
    }
}
