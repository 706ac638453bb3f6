package org.yaqaza.prevention.service;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.yaqaza.common.problem.ProblemException;
import org.yaqaza.common.security.Caller;
import org.yaqaza.common.security.Visibility;
import org.yaqaza.prevention.api.EvaluationView;
import org.yaqaza.prevention.config.PreventionConfig;
import org.yaqaza.prevention.evaluation.DisclosureControl;
import org.yaqaza.prevention.evaluation.EvaluationCache;
import org.yaqaza.prevention.evaluation.KaplanMeier;
import org.yaqaza.prevention.model.Edition;
import org.yaqaza.prevention.model.Programme;
import org.yaqaza.prevention.repository.EditionRepository;
import org.yaqaza.prevention.repository.EvaluationRepository;
import org.yaqaza.prevention.repository.ProgrammeRepository;
import org.yaqaza.prevention.security.PreventionAccess;

/**
 * Evaluation of programmes, computed in the database over the participants the caller may see: completion,
 * attendance against the curriculum, re-offence rates at 1/2/3 years and Kaplan–Meier curves of time from
 * release to first re-offence. The population is everyone who started (reached ENROLLED), whatever happened
 * next (intention to treat); follow-up ends at the recorded end of follow-up or the as-of date (censoring).
 *
 * <p>Prevention staff get exact figures at any date: they may read every enrolment behind them. Everyone else reads
 * figures published under disclosure control (issue 16): as of month ends only, so two dates inside a month answer
 * alike, and with small cohorts suppressed ({@link DisclosureControl}).
 */
@ApplicationScoped
public class EvaluationService {

    public static final String CI_METHOD = "95% pointwise, log-log transform, Greenwood variance";
    private static final int[] RATE_YEARS = EvaluationRepository.RATE_YEARS;
    private static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);

    private final ProgrammeRepository programmes;
    private final EditionRepository editions;
    private final EvaluationRepository evaluation;
    private final PreventionAccess access;
    private final EvaluationCache cache;
    private final int minimumCohort;
    private final Clock clock;

    public EvaluationService(ProgrammeRepository programmes, EditionRepository editions,
            EvaluationRepository evaluation, PreventionAccess access, EvaluationCache cache, PreventionConfig config,
            Clock clock) {
        this.programmes = programmes;
        this.editions = editions;
        this.evaluation = evaluation;
        this.access = access;
        this.cache = cache;
        this.minimumCohort = config.evaluation().minimumCohort();
        this.clock = clock;
    }

    /**
     * The date figures are published for, for a reader under disclosure control: the last month end on or before
     * {@code asOf}. Published points are a month apart, so no two dates can bracket a single day's event.
     */
    public static LocalDate publishedPoint(LocalDate asOf) {
        LocalDate monthEnd = asOf.withDayOfMonth(asOf.lengthOfMonth());
        return monthEnd.equals(asOf) ? asOf : asOf.withDayOfMonth(1).minusDays(1);
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
        // first: everything read after it (names included) is at least this version, so a cached answer is too
        long version = evaluation.dataVersion();
        Programme programme = programmes.getVisible(caller, programmeId, "Programme");
        return evaluate(caller, programme, null, asOf, version);
    }

    @Transactional
    public EvaluationView edition(Caller caller, UUID editionId, LocalDate asOf) {
        long version = evaluation.dataVersion();
        Edition edition = editions.getVisible(caller, editionId);
        return evaluate(caller, programmes.getVisible(caller, edition.programmeId, "Programme"), edition, asOf,
                version);
    }

    private EvaluationView evaluate(Caller caller, Programme programme, Edition only, LocalDate asOf,
            long version) {
        if (asOf == null) {
            asOf = LocalDate.now(clock);
        }
        checked(asOf);
        boolean exact = access.isPreventionStaff(caller);
        if (!exact) {
            asOf = publishedPoint(asOf);
        }
        boolean one = only != null;
        // the visibility checks above ran for this caller (404s stay per caller); the figures depend on these only
        EvaluationCache.Key key = new EvaluationCache.Key(programme.id, one ? only.id : null, asOf, exact,
                Visibility.parameters(caller));
        EvaluationView cached = cache.get(version, key);
        if (cached != null) {
            return cached;
        }
        EvaluationView view = compute(caller, programme, only, asOf, exact);
        cache.put(version, key, view);
        return view;
    }

    private EvaluationView compute(Caller caller, Programme programme, Edition only, LocalDate asOf, boolean exact) {
        boolean one = only != null;
        // under disclosure control one edition's figures depend on its siblings (complementary suppression)
        boolean alone = one && exact;
        List<Edition> cohorts = alone ? List.of(only) : editions.ofProgramme(programme.id);
        Map<UUID, Acc> acc = new LinkedHashMap<>();
        cohorts.forEach(e -> acc.put(e.id, new Acc(e)));
        Acc total = new Acc(null);
        for (EvaluationRepository.Row row : evaluation.rows(caller, programme.id, alone ? only.id : null,
                asOf)) {
            Acc edition = acc.get(row.editionId());
            if (edition == null) {
                continue;
            }
            long[] n = row.numbers();
            for (Acc a : new Acc[] { edition, total }) {
                switch (row.kind()) {
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
        EvaluationView.Cohort overall = total.cohort();
        if (!exact) {
            DisclosureControl.Published published = DisclosureControl.apply(overall, perEdition, minimumCohort);
            overall = published.overall();
            perEdition.clear();
            perEdition.addAll(published.editions());
        }
        if (one) {
            EvaluationView.Cohort edition = perEdition.stream().filter(c -> only.id.equals(c.editionId()))
                    .findFirst().orElseThrow();
            return new EvaluationView(programme.id, programme.name, only.id, asOf, "days", CI_METHOD,
                    exact ? null : minimumCohort, edition, List.of());
        }
        return new EvaluationView(programme.id, programme.name, null, asOf, "days", CI_METHOD,
                exact ? null : minimumCohort, overall, List.copyOf(perEdition));
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
                        followed[i] == 0 ? null : round((double) reoffended[i] / followed[i]), false));
            }
            Map<Long, KaplanMeier.Tally> byTime = new TreeMap<>();
            tallies.forEach((t, v) -> byTime.put(t, new KaplanMeier.Tally(v[0], v[1])));
            return new EvaluationView.Cohort(edition == null ? null : edition.id,
                    edition == null ? "all editions" : edition.name, started, completed, withdrawn, excluded,
                    inProgress, finished == 0 ? null : round((double) completed / finished),
                    attendanceDenominator == 0 ? null : round(100.0 * attended / attendanceDenominator),
                    released, List.copyOf(rates), KaplanMeier.estimate(byTime), null);
        }

        private static double round(double v) {
            return Math.round(v * 10000.0) / 10000.0;
        }
    }
}
