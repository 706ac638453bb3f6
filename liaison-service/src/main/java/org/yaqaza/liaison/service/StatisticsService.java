package org.yaqaza.liaison.service;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.yaqaza.common.problem.ProblemException;
import org.yaqaza.common.security.Caller;
import org.yaqaza.common.security.Visibility;
import org.yaqaza.liaison.api.AnnualStatistics;
import org.yaqaza.liaison.api.PartnerYear;
import org.yaqaza.liaison.model.Outcome;

/**
 * Yearly figures per partner, computed by the database over the records the caller may see (the visibility
 * predicate is part of every aggregate, so a hidden release or warning changes no number).
 */
@ApplicationScoped
public class StatisticsService {

    private final EntityManager em;

    public StatisticsService(EntityManager em) {
        this.em = em;
    }

    public AnnualStatistics annual(Caller caller, int year) {
        if (year < 2000 || year > 2100) {
            throw ProblemException.badRequest("Invalid year", "year must be between 2000 and 2100.", "year");
        }
        var from = LocalDate.of(year, 1, 1).atStartOfDay().toInstant(ZoneOffset.UTC);
        var to = LocalDate.of(year + 1, 1, 1).atStartOfDay().toInstant(ZoneOffset.UTC);
        Map<String, Object> params = new LinkedHashMap<>(Visibility.parameters(caller));
        params.put("from", java.sql.Timestamp.from(from));
        params.put("to", java.sql.Timestamp.from(to));

        List<Object[]> releaseRows = rows("""
                select rr.partner_code, count(*), count(rr.acknowledged_at),
                       percentile_cont(0.5) within group (order by extract(epoch from rr.acknowledged_at
                           - rr.released_at)) filter (where rr.acknowledged_at is not null)
                from release_recipient rr join release r on r.id = rr.release_id
                where rr.released_at >= :from and rr.released_at < :to and %s
                group by rr.partner_code""".formatted(Visibility.sqlPredicate("r")), params);
        List<Object[]> warningRows = rows("""
                select w.partner_code, count(*), count(w.acknowledged_at), count(w.escalated_at),
                       percentile_cont(0.5) within group (order by extract(epoch from w.acknowledged_at
                           - w.issued_at)) filter (where w.acknowledged_at is not null)
                from warning w
                where w.issued_at >= :from and w.issued_at < :to and %s
                group by w.partner_code""".formatted(Visibility.sqlPredicate("w")), params);
        List<Object[]> outcomeRows = rows("""
                select f.partner_code, f.outcome, count(*)
                from feedback f join release r on r.id = f.release_id
                where f.received_at >= :from and f.received_at < :to and %s
                group by f.partner_code, f.outcome""".formatted(Visibility.sqlPredicate("r")), params);
        List<Object[]> totalMedians = rows("""
                select (select percentile_cont(0.5) within group (order by extract(epoch from rr.acknowledged_at
                            - rr.released_at))
                        from release_recipient rr join release r on r.id = rr.release_id
                        where rr.acknowledged_at is not null and rr.released_at >= :from and rr.released_at < :to
                          and %s),
                       (select percentile_cont(0.5) within group (order by extract(epoch from w.acknowledged_at
                            - w.issued_at))
                        from warning w where w.acknowledged_at is not null and w.issued_at >= :from
                          and w.issued_at < :to and %s)""".formatted(Visibility.sqlPredicate("r"),
                Visibility.sqlPredicate("w")), params);

        TreeSet<String> codes = new TreeSet<>();
        releaseRows.forEach(r -> codes.add((String) r[0]));
        warningRows.forEach(r -> codes.add((String) r[0]));
        outcomeRows.forEach(r -> codes.add((String) r[0]));
        List<PartnerYear> partners = new ArrayList<>();
        long[] totals = new long[5];
        Map<String, Long> totalOutcomes = emptyOutcomes();
        for (String code : codes) {
            Object[] rel = find(releaseRows, code);
            Object[] warn = find(warningRows, code);
            Map<String, Long> outcomes = emptyOutcomes();
            for (Object[] o : outcomeRows) {
                if (code.equals(o[0])) {
                    outcomes.put((String) o[1], num(o[2]));
                    totalOutcomes.merge((String) o[1], num(o[2]), Long::sum);
                }
            }
            var year1 = new PartnerYear(code, rel == null ? 0 : num(rel[1]),
                    rel == null ? 0 : num(rel[2]), rel == null ? null : dbl(rel[3]),
                    warn == null ? 0 : num(warn[1]), warn == null ? 0 : num(warn[2]),
                    warn == null ? 0 : num(warn[3]), warn == null ? null : dbl(warn[4]), outcomes);
            partners.add(year1);
            totals[0] += year1.releases();
            totals[1] += year1.releasesAcknowledged();
            totals[2] += year1.warnings();
            totals[3] += year1.warningsAcknowledged();
            totals[4] += year1.warningsEscalated();
        }
        Object[] medians = totalMedians.isEmpty() ? new Object[2] : totalMedians.get(0);
        var total = new PartnerYear("ALL", totals[0], totals[1], dbl(medians[0]), totals[2],
                totals[3], totals[4], dbl(medians[1]), totalOutcomes);
        return new AnnualStatistics(year, partners, total);
    }

    private static Map<String, Long> emptyOutcomes() {
        Map<String, Long> m = new TreeMap<>();
        for (Outcome o : Outcome.values()) {
            m.put(o.name(), 0L);
        }
        return m;
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> rows(String sql, Map<String, Object> params) {
        var q = em.createNativeQuery(sql);
        params.forEach((k, v) -> {
            if (sql.contains(":" + k)) {
                q.setParameter(k, v);
            }
        });
        return q.getResultList();
    }

    private static Object[] find(List<Object[]> rows, String code) {
        return rows.stream().filter(r -> code.equals(r[0])).findFirst().orElse(null);
    }

    private static long num(Object o) {
        return o == null ? 0 : ((Number) o).longValue();
    }

    private static Double dbl(Object o) {
        return o == null ? null : Math.round(((Number) o).doubleValue() * 10) / 10.0;
    }
}
