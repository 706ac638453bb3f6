package org.yaqaza.intelligence.stats;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.yaqaza.common.audit.AuditActor;
import org.yaqaza.common.audit.AuditTrail;
import org.yaqaza.common.persistence.Sql;
import org.yaqaza.common.problem.ProblemException;
import org.yaqaza.common.security.Caller;
import org.yaqaza.common.security.Visibility;
import org.yaqaza.intelligence.api.AnnualStatistics;
import org.yaqaza.intelligence.model.ThreatCategory;

/**
 * Annual figures, each one aggregate query over the underlying records with the visibility rule inside it:
 * cells dismantled (organisation status changes), plots foiled and attacks on national territory (events),
 * arrests (arrest events), judicial referrals (case transitions).
 */
@ApplicationScoped
public class StatisticsService {

    private final Sql sql;
    private final AuditTrail audit;

    public StatisticsService(Sql sql, AuditTrail audit) {
        this.sql = sql;
        this.audit = audit;
    }

    @Transactional
    public AnnualStatistics annual(Caller caller, int from, int to, ThreatCategory category) {
        if (from < 1900 || to > 2200 || from > to || to - from > 100) {
            throw ProblemException.badRequest("Invalid period", "from and to are years, from <= to, at most 100 "
                    + "years apart.", "from", "to");
        }
        Map<String, Object> p = new HashMap<>(Visibility.parameters(caller));
        p.put("from", from);
        p.put("to", to);
        p.put("category", category == null ? null : category.name());
        String yearRange = " between :from and :to";
        Map<Integer, long[]> byYear = new HashMap<>();
        collect(byYear, 0, """
                select extract(year from s.effective_date)::int as y, count(distinct s.organisation_id)
                  from organisation_status_change s join entity e on e.id = s.organisation_id
                 where s.to_status = 'DISMANTLED' and e.organisation_kind = 'CELL'
                   and (cast(:category as text) is null or e.category = :category)
                   and extract(year from s.effective_date)::int""" + yearRange + " and " + vis("e")
                + " group by 1", p);
        collect(byYear, 1, events("e.event_type = 'PLOT' and e.event_status = 'FOILED'", "count(*)") + yearRange
                + " group by 1", p);
        collect(byYear, 2, events("e.event_type = 'ATTACK' and e.event_status = 'EXECUTED'"
                + " and e.national_territory", "count(*)") + yearRange + " group by 1", p);
        collect(byYear, 3, events("e.event_type = 'ARREST'", "coalesce(sum(e.arrests), 0)") + yearRange
                + " group by 1", p);
        collect(byYear, 4, """
                select extract(year from t.occurred_on)::int as y, count(distinct t.case_id)
                  from case_transition t join intel_case c on c.id = t.case_id
                 where t.to_status = 'REFERRED_TO_JUSTICE'
                   and (cast(:category as text) is null or c.category = :category)
                   and extract(year from t.occurred_on)::int""" + yearRange + " and " + vis("c")
                + " group by 1", p);
        List<AnnualStatistics.Year> years = new ArrayList<>();
        for (int y = from; y <= to; y++) {
            long[] v = byYear.getOrDefault(y, new long[5]);
            years.add(new AnnualStatistics.Year(y, v[0], v[1], v[2], v[3], v[4]));
        }
        audit.record(AuditActor.of(caller), "READ", "statistics", null, null,
                "annual " + from + "-" + to + (category == null ? "" : " " + category));
        return new AnnualStatistics(from, to, category, years);
    }

    private static String events(String condition, String aggregate) {
        return "select extract(year from e.event_date)::int as y, " + aggregate + " from entity e"
                + " where e.kind = 'EVENT' and " + condition
                + " and (cast(:category as text) is null or e.category = :category) and " + vis("e")
                + " and extract(year from e.event_date)::int";
    }

    private static String vis(String alias) {
        return Visibility.sqlPredicate(alias);
    }

    private void collect(Map<Integer, long[]> byYear, int column, String query, Map<String, Object> p) {
        sql.query(query, p, rs -> {
            byYear.computeIfAbsent(rs.getInt(1), y -> new long[5])[column] = rs.getLong(2);
            return null;
        });
    }
}
