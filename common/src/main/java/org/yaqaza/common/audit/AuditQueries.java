package org.yaqaza.common.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;

import org.yaqaza.common.persistence.SortCursor;
import org.yaqaza.common.persistence.SortField;
import org.yaqaza.common.persistence.Sorting;

/** Reading and verifying the audit trail, for auditors. */
@ApplicationScoped
public class AuditQueries {

    private static final int VERIFY_BATCH = 2000;

    private final EntityManager em;

    public AuditQueries(EntityManager em) {
        this.em = em;
    }

    /** The orders the audit trail may be read in; ties are broken by the chain's sequence number. */
    public static final Sorting<AuditEvent> SORTING = Sorting.of("occurredAt",
            SortField.of("occurredAt", "e.occurredAt", Instant.class, e -> e.occurredAt),
            SortField.text("actor", "e.subject", e -> e.subject),
            SortField.text("action", "e.action", e -> e.action),
            SortField.text("objectType", "e.objectType", e -> e.objectType));

    /** Events in chain order after {@code afterSeq}, filtered; {@code limit + 1} rows to detect a next page. */
    public List<AuditEvent> find(String actor, String objectType, String objectId, Instant from, Instant to,
            long afterSeq, int limit) {
        StringBuilder jpql = new StringBuilder("from AuditEvent e where e.seq > :after");
        Map<String, Object> params = new HashMap<>();
        params.put("after", afterSeq);
        filter(jpql, params, actor, objectType, objectId, from, to);
        TypedQuery<AuditEvent> query = em.createQuery(jpql.append(" order by e.seq").toString(), AuditEvent.class);
        params.forEach(query::setParameter);
        return query.setMaxResults(limit + 1).getResultList();
    }

    /** Events filtered, in {@code sort}'s order after the cursor; {@code limit + 1} rows to detect a next page. */
    public List<AuditEvent> find(String actor, String objectType, String objectId, Instant from, Instant to,
            Sorting.Sort<AuditEvent> sort, SortCursor after, int limit) {
        StringBuilder jpql = new StringBuilder("from AuditEvent e where 1 = 1");
        Map<String, Object> params = new HashMap<>();
        filter(jpql, params, actor, objectType, objectId, from, to);
        if (after != null) {
            jpql.append(" and ").append(sort.after("e.seq"));
            params.put("sortKey", sort.key(after));
            params.put("sortId", after.number());
        }
        TypedQuery<AuditEvent> query = em.createQuery(jpql.append(" order by ").append(sort.orderBy("e.seq"))
                .toString(), AuditEvent.class);
        params.forEach(query::setParameter);
        return query.setMaxResults(limit + 1).getResultList();
    }

    private static void filter(StringBuilder jpql, Map<String, Object> params, String actor, String objectType,
            String objectId, Instant from, Instant to) {
        if (actor != null) {
            jpql.append(" and e.subject = :actor");
            params.put("actor", actor);
        }
        if (objectType != null) {
            jpql.append(" and e.objectType = :objectType");
            params.put("objectType", objectType);
        }
        if (objectId != null) {
            jpql.append(" and e.objectId = :objectId");
            params.put("objectId", objectId);
        }
        if (from != null) {
            jpql.append(" and e.occurredAt >= :from");
            params.put("from", from);
        }
        if (to != null) {
            jpql.append(" and e.occurredAt < :to");
            params.put("to", to);
        }
    }

    /** Walks the whole chain in batches, recomputing every hash; stops at the first broken link. */
    public VerifyResult verify() {
        long checked = 0;
        long expectedSeq = 1;
        String previous = AuditChain.GENESIS;
        while (true) {
            List<AuditEvent> batch = em.createQuery("from AuditEvent e where e.seq >= :from order by e.seq",
                    AuditEvent.class).setParameter("from", expectedSeq).setMaxResults(VERIFY_BATCH).getResultList();
            if (batch.isEmpty()) {
                return VerifyResult.valid(checked);
            }
            for (AuditEvent event : new ArrayList<>(batch)) {
                if (event.seq != expectedSeq) {
                    return VerifyResult.broken(checked, expectedSeq, "event " + expectedSeq + " is missing");
                }
                if (!previous.equals(event.prevHash)) {
                    return VerifyResult.broken(checked, event.seq, "previous-hash link does not match");
                }
                if (!AuditChain.hash(event).equals(event.hash)) {
                    return VerifyResult.broken(checked, event.seq, "content does not match its hash");
                }
                previous = event.hash;
                expectedSeq++;
                checked++;
            }
            em.clear();
        }
    }

    public record VerifyResult(String status, long eventsChecked, Long firstBrokenSeq, String reason) {
        static VerifyResult valid(long checked) {
            return new VerifyResult("valid", checked, null, null);
        }

        static VerifyResult broken(long checked, long seq, String reason) {
            return new VerifyResult("broken", checked, seq, reason);
        }
    }
}
