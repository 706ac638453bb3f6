package org.yaqaza.prevention.repository;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.yaqaza.common.persistence.Sql;
import org.yaqaza.common.security.Caller;
import org.yaqaza.common.security.Visibility;

/**
 * The evaluation's one query: aggregates over the participants a caller may see (the visibility predicate is
 * inside it), never a participant row. EvaluationService sums the rows and runs the product-limit pass.
 */
@ApplicationScoped
public class EvaluationRepository {

    /** Re-offence rates are counted at these horizons (calendar years after release). */
    public static final int[] RATE_YEARS = { 1, 2, 3 };
    /**
     * For this transaction only (one round trip). The planner cannot estimate the visibility predicate (array
     * containment, ANY over shared_with): it expects about one visible participant where there are 50,000, and
     * then picks nested loops that re-run a re-offence aggregate per release, which took over a minute at bench
     * scale (EXPLAIN in bench/prevention.sh -Dbench.explain=true), or merge joins on the edition that multiply
     * attendance marks by sessions. Every join here is an equi-join over whole cohorts, so hash joins are right
     * at any size: nested loops and merge joins off. Sorts off: with the same misestimate the planner sorted the
     * 170,000 PRESENT marks to count them per edition, where a hash aggregate into a few groups needs none. JIT
     * off: the inflated cost estimates trigger a compile that costs more than the query. work_mem: the hashes must
     * not spill at the default 4 MB.
     */
    public static final String SESSION_SETTINGS = "select set_config('enable_nestloop', 'off', true),"
            + " set_config('enable_mergejoin', 'off', true), set_config('enable_sort', 'off', true),"
            + " set_config('jit', 'off', true),"
            + " set_config('work_mem', '32MB', true)";

    /** One aggregate row: its kind (C, A, R or T, see {@link #query}), its edition and eight numbers. */
    public record Row(String kind, UUID editionId, long[] numbers) {
    }

    private final Sql sql;

    public EvaluationRepository(Sql sql) {
        this.sql = sql;
    }

    /**
     * The version of the data the evaluation reads (V21_1: bumped by every transaction that changes it, at commit).
     * Read first in the evaluation's transaction, so what is computed after it is at least this version.
     */
    public long dataVersion() {
        return sql.query("select version from evaluation_data_version where id = 1", Map.of(), rs -> rs.getLong(1))
                .get(0);
    }

    /** The rows of a programme's evaluation ({@code edition} null) or of one edition's, as of a date. */
    public List<Row> rows(Caller caller, UUID programme, UUID edition, LocalDate asOf) {
        Map<String, Object> params = new HashMap<>(Visibility.parameters(caller));
        params.put("programme", programme);
        params.put("edition", edition);
        params.put("asOf", asOf);
        sql.query(SESSION_SETTINGS, Map.of(), rs -> Boolean.TRUE);
        return sql.query(query(edition != null), params, rs -> {
            long[] numbers = new long[8];
            for (int i = 0; i < numbers.length; i++) {
                numbers[i] = rs.getLong(3 + i);
            }
            return new Row(rs.getString(1), rs.getObject(2, UUID.class), numbers);
        });
    }

    /**
     * One round trip computes everything: the started population once (materialised, visibility applied), then
     * completion counts (C), attendance (A), re-offence rates (R) and survival tallies per day (T), as rows of
     * one shape: kind, edition, eight numbers. Only aggregates leave the database.
     *
     * <p>Attendance: an enrolment's completed units are the sum over modules of min(present, required). Applying
     * the cap mark by mark means grouping every PRESENT mark by (enrolment, module) (170,000 groups at bench
     * scale), yet the cap can only bind where a module has more sessions than it requires: min(c, r) =
     * c - max(c - r, 0). So the marks are counted per edition in one pass, and only marks of such
     * "over-provisioned" modules (usually none) are grouped per enrolment to subtract the excess.
     */
    public static String query(boolean oneEdition) {
        String editions = "select ed.id from edition ed where ed.programme_id = :programme"
                + (oneEdition ? " and ed.id = :edition" : "");
        StringBuilder rates = new StringBuilder();
        StringBuilder horizons = new StringBuilder();
        for (int y : RATE_YEARS) {
            // each horizon once per release (a date plus an interval is not free, and each rate needs it twice)
            horizons.append(", cast(rel.released_on + interval '").append(y).append(" year' as date) as h")
                    .append(y);
            String horizon = "h" + y;
            rates.append(", count(*) filter (where event and end_on <= ").append(horizon).append(")")
                    .append(", count(*) filter (where (event and end_on <= ").append(horizon)
                    .append(") or end_on >= ").append(horizon).append(")");
        }
        return "with started as materialized (select e.id, e.edition_id, e.state from enrolment e"
                + " where e.edition_id in (" + editions + ") and e.enrolled_on is not null"
                + " and e.participant_id in (select p.id from participant p where " + Visibility.sqlPredicate("p")
                + ")),"
                + " req as (select id, required_sessions from curriculum_module where programme_id = :programme),"
                + " tot as (select coalesce(sum(required_sessions), 0) as t from req),"
                // sessions of the curriculum in each edition; capped: the module has more sessions in that edition
                // than it requires. Marks count in the enrolment's own edition (the API accepts no other).
                + " ses as materialized (select s.id, s.edition_id, s.module_id, req.required_sessions,"
                + " count(*) over (partition by s.edition_id, s.module_id) > req.required_sessions as capped"
                + " from session s join req on req.id = s.module_id where s.edition_id in (" + editions + ")),"
                + " present as (select st.edition_id, count(*) as n from attendance a"
                + " join ses on ses.id = a.session_id join started st on st.id = a.enrolment_id"
                + " and st.edition_id = ses.edition_id where a.status = 'PRESENT' group by 1),"
                + " excess as (select edition_id, sum(c - r) as x from (select st.edition_id, a.enrolment_id,"
                + " ses.module_id, max(ses.required_sessions) as r, count(*) as c from attendance a"
                + " join ses on ses.id = a.session_id and ses.capped join started st on st.id = a.enrolment_id"
                + " and st.edition_id = ses.edition_id where a.status = 'PRESENT'"
                // a one-time filter: without an over-provisioned module the join is never run
                + " and exists (select 1 from ses where ses.capped) group by 1, 2, 3) g where c > r"
                + " group by 1),"
                + " rel as materialized (select s.edition_id, r.id, r.participant_id, r.released_on,"
                + " least(coalesce(r.follow_up_ended_on, cast(:asOf as date)), cast(:asOf as date)) as censor_on"
                + " from started s join release_record r on r.enrolment_id = s.id where r.released_on <= :asOf),"
                + " firsts as (select rel.id, min(o.occurred_on) as first_on from rel join reoffence o"
                + " on o.participant_id = rel.participant_id and o.occurred_on > rel.released_on group by rel.id),"
                + " t as materialized (select rel.edition_id, rel.released_on,"
                + " coalesce(f.first_on <= rel.censor_on, false) as event,"
                + " case when f.first_on <= rel.censor_on then f.first_on else rel.censor_on end as end_on"
                + horizons + " from rel left join firsts f on f.id = rel.id),"
                + " c as (select edition_id, count(*) as started, count(*) filter (where state = 'COMPLETED')"
                + " as completed, count(*) filter (where state = 'WITHDRAWN') as withdrawn,"
                + " count(*) filter (where state = 'EXCLUDED') as excluded,"
                + " count(*) filter (where state in ('ENROLLED', 'ACTIVE')) as running from started group by 1)"
                + " select 'C', edition_id, started, completed, withdrawn, excluded, running, 0, 0, 0 from c"
                + " union all select 'A', c.edition_id, coalesce(present.n, 0) - coalesce(excess.x, 0), c.started,"
                + " tot.t, 0, 0, 0, 0, 0 from c cross join tot left join present on present.edition_id = c.edition_id"
                + " left join excess on excess.edition_id = c.edition_id"
                + " union all select 'R', edition_id, count(*)" + rates + ", 0 from t group by 2"
                + " union all select 'T', edition_id, end_on - released_on, case when event then 1 else 0 end,"
                + " count(*), 0, 0, 0, 0, 0 from t group by 2, 3, 4";
    }
}
