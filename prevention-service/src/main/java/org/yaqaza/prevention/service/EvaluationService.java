package org.yaqaza.prevention.service;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

import org.yaqaza.common.persistence.Sql;
import org.yaqaza.common.problem.ProblemException;
import org.yaqaza.common.security.Caller;
import org.yaqaza.common.security.Visibility;
import org.yaqaza.prevention.api.EvaluationView;
import org.yaqaza.prevention.evaluation.KaplanMeier;
import org.yaqaza.prevention.model.Edition;
import org.yaqaza.prevention.model.Programme;

/**
 * Evaluation of programmes, computed in the database over the participants the caller may see: completion,
 * attendance against the curriculum, re-offence rates at 1/2/3 years and Kaplan–Meier curves of time from
 * release to first re-offence. The population is everyone who started (reached ENROLLED), whatever happened
 * next (intention to treat); follow-up ends at the recorded end of follow-up or the as-of date (censoring).
 */
@ApplicationScoped
public class EvaluationService {

    public static final String CI_METHOD = "95% pointwise, log-log transform, Greenwood variance";
    private static final int[] RATE_YEARS = { 1, 2, 3 };
    private static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);
    /**
     * For this transaction only (one round trip). The planner cannot estimate the visibility predicate (array
     * containment, ANY over shared_with): it expects about one visible participant where there are 50,000, and
     * then picks nested loops that re-run a re-offence aggregate per release, which took over a minute at bench
     * scale (EXPLAIN in bench/prevention.sh -Dbench.explain=true), or merge joins on the edition that multiply
     * attendance marks by sessions. Every join here is an equi-join over whole cohorts, so hash joins are right
     * at any size: nested loops and merge joins off. JIT off: the inflated cost estimates trigger a compile that
     * costs more than the query. work_mem: the hashes must not spill at the default 4 MB.
     */
    public static final String SESSION_SETTINGS = "select set_config('enable_nestloop', 'off', true),"
            + " set_config('enable_mergejoin', 'off', true), set_config('jit', 'off', true),"
            + " set_config('work_mem', '32MB', true)";

    private final ProgrammeService programmes;
    private final EntityManager em;
    private final Clock clock;

    public EvaluationService(ProgrammeService programmes, EntityManager em, Clock clock) {
        this.programmes = programmes;
        this.em = em;
        this.clock = clock;
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
        for (int y : RATE_YEARS) {
            String horizon = "cast(released_on + interval '" + y + " year' as date)";
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
                + " and st.edition_id = ses.edition_id where a.status = 'PRESENT' group by 1, 2, 3) g where c > r"
                + " group by 1),"
                + " rel as materialized (select s.edition_id, r.id, r.participant_id, r.released_on,"
                + " least(coalesce(r.follow_up_ended_on, cast(:asOf as date)), cast(:asOf as date)) as censor_on"
                + " from started s join release_record r on r.enrolment_id = s.id where r.released_on <= :asOf),"
                + " firsts as (select rel.id, min(o.occurred_on) as first_on from rel join reoffence o"
                + " on o.participant_id = rel.participant_id and o.occurred_on > rel.released_on group by rel.id),"
                + " t as materialized (select rel.edition_id, rel.released_on,"
                + " coalesce(f.first_on <= rel.censor_on, false) as event,"
                + " case when f.first_on <= rel.censor_on then f.first_on else rel.censor_on end as end_on"
                + " from rel left join firsts f on f.id = rel.id),"
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

    /**
     * The {@code asOf} query parameter: a 400 problem naming the parameter for anything but an ISO date from 1900
     * on (JAX-RS would answer a date it cannot convert with 404, and PostgreSQL refuses years before 4713 BC).
     */
    public LocalDate asOf(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        LocalDate date;
        try {
            date = LocalDate.parse(raw.strip());
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest("Invalid date", "asOf must be a date such as 2024-12-31.", "asOf");
        }
        return checked(date);
    }

    private LocalDate checked(LocalDate asOf) {
        if (asOf.isBefore(EARLIEST)) {
            throw ProblemException.badRequest("Invalid date", "asOf cannot be before " + EARLIEST + ".", "asOf");
        }
        if (asOf.isAfter(LocalDate.now(clock).plusDays(1))) {
            throw ProblemException.badRequest("Invalid date", "asOf cannot be in the future.", "asOf");
        }
        return asOf;
    }

    @Transactional
    public EvaluationView programme(Caller caller, UUID programmeId, LocalDate asOf) {
        Programme programme = programmes.visible(caller, programmeId);
        return evaluate(caller, programme, null, asOf);
    }

    @Transactional
    public EvaluationView edition(Caller caller, UUID editionId, LocalDate asOf) {
        Edition edition = programmes.visibleEdition(caller, editionId);
        return evaluate(caller, programmes.visible(caller, edition.programmeId), edition, asOf);
    }

    private EvaluationView evaluate(Caller caller, Programme programme, Edition only, LocalDate asOf) {
        if (asOf == null) {
            asOf = LocalDate.now(clock);
        }
        checked(asOf);
        boolean one = only != null;
        Map<String, Object> params = new HashMap<>(Visibility.parameters(caller));
        params.put("programme", programme.id);
        if (one) {
            params.put("edition", only.id);
        }
        List<Edition> editions = one ? List.of(only)
                : em.createQuery("from Edition where programmeId = :p order by startsOn, name", Edition.class)
                        .setParameter("p", programme.id).getResultList();
        Map<UUID, Acc> acc = new LinkedHashMap<>();
        editions.forEach(e -> acc.put(e.id, new Acc(e)));
        Acc total = new Acc(null);

        params.put("asOf", asOf);
        em.createNativeQuery(SESSION_SETTINGS).getResultList();
        for (Object[] row : rows(query(one), params)) {
            Acc edition = acc.get(row[1]);
            if (edition == null) {
                continue;
            }
            long[] n = new long[8];
            for (int i = 0; i < 8; i++) {
                n[i] = Sql.number(row[2 + i]);
            }
            for (Acc a : new Acc[] { edition, total }) {
                switch ((String) row[0]) {
                    case "C" -> {
                        a.started += n[0];
                        a.completed += n[1];
                        a.withdrawn += n[2];
                        a.excluded += n[3];
                        a.inProgress += n[4];
                    }
                    case "A" -> {
                        a.attended += n[0];
                        a.attendanceDenominator += n[1] * n[2];
                    }
                    case "R" -> {
                        a.released += n[0];
                        for (int i = 0; i < RATE_YEARS.length; i++) {
                            a.reoffended[i] += n[1 + 2 * i];
                            a.followed[i] += n[2 + 2 * i];
                        }
                    }
                    default -> {
                        long[] tally = a.tallies.computeIfAbsent(n[0], k -> new long[2]);
                        tally[n[1] == 1 ? 0 : 1] += n[2];
                    }
                }
            }
        }
        List<EvaluationView.Cohort> perEdition = new ArrayList<>();
        acc.values().forEach(a -> perEdition.add(a.cohort()));
        return new EvaluationView(programme.id, programme.name, one ? only.id : null, asOf, "days", CI_METHOD,
                one ? perEdition.get(0) : total.cohort(), one ? List.of() : perEdition);
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> rows(String sql, Map<String, Object> params) {
        Query query = em.createNativeQuery(sql);
        params.forEach((name, value) -> {
            if (sql.contains(":" + name)) {
                query.setParameter(name, value);
            }
        });
        return query.getResultList();
    }

    /** Running totals of one cohort. */
    private static final class Acc {
        final Edition edition;
        long started;
        long completed;
        long withdrawn;
        long excluded;
        long inProgress;
        long attended;
        long attendanceDenominator;
        long released;
        final long[] reoffended = new long[RATE_YEARS.length];
        final long[] followed = new long[RATE_YEARS.length];
        final Map<Long, long[]> tallies = new TreeMap<>();

        Acc(Edition edition) {
            this.edition = edition;
        }

        EvaluationView.Cohort cohort() {
            long finished = started - inProgress;
            List<EvaluationView.ReoffenceRate> rates = new ArrayList<>();
            for (int i = 0; i < RATE_YEARS.length; i++) {
                rates.add(new EvaluationView.ReoffenceRate(RATE_YEARS[i], followed[i], reoffended[i],
                        followed[i] == 0 ? null : round((double) reoffended[i] / followed[i])));
            }
            Map<Long, KaplanMeier.Tally> byTime = new TreeMap<>();
            tallies.forEach((t, v) -> byTime.put(t, new KaplanMeier.Tally(v[0], v[1])));
            return new EvaluationView.Cohort(edition == null ? null : edition.id,
                    edition == null ? "all editions" : edition.name, started, completed, withdrawn, excluded,
                    inProgress, finished == 0 ? null : round((double) completed / finished),
                    attendanceDenominator == 0 ? null : round(100.0 * attended / attendanceDenominator),
                    released, rates, KaplanMeier.estimate(byTime));
        }

        private static double round(double v) {
            return Math.round(v * 10000.0) / 10000.0;
        }
    }
}
