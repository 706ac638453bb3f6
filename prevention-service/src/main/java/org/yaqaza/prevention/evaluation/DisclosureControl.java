package org.yaqaza.prevention.evaluation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.ToLongFunction;
import java.util.stream.IntStream;

import org.yaqaza.prevention.api.EvaluationView.Cohort;
import org.yaqaza.prevention.api.EvaluationView.ReoffenceRate;
import org.yaqaza.prevention.api.EvaluationView.Suppression;

/**
 * Statistical disclosure control of evaluation figures for readers who may not see the participants behind them
 * (issue 16): a figure is published only when at least {@code minimum} people stand behind it, at three levels —
 * the cohort (people who started), its follow-up (people released: the survival curve and the rates) and each
 * re-offence rate (people followed that long). Suppression is complementary: the overall figures minus the
 * published editions must not give away a suppressed edition, so more editions are withheld, smallest first, until
 * the withheld ones together count at least {@code minimum} people (or none at all).
 */
public final class DisclosureControl {

    private DisclosureControl() {
    }

    /** The programme's overall cohort and its editions, as published. */
    public record Published(Cohort overall, List<Cohort> editions) {
    }

    public static Published apply(Cohort overall, List<Cohort> editions, int minimum) {
        int n = editions.size();
        Set<Integer> noCohort = complementary(editions, Cohort::started, Set.of(), minimum);
        Set<Integer> noFollowUp = complementary(editions, Cohort::released, noCohort, minimum);
        int years = overall.reoffenceRates().size();
        List<Set<Integer>> noRate = new ArrayList<>();
        for (int y = 0; y < years; y++) {
            int year = y;
            noRate.add(complementary(editions, c -> c.reoffenceRates().get(year).followed(), noFollowUp,
                    minimum));
        }
        List<Cohort> published = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int edition = i;
            published.add(control(editions.get(i), noCohort.contains(i), noFollowUp.contains(i),
                    y -> noRate.get(y).contains(edition)));
        }
        Cohort all = control(overall, overall.started() < minimum, overall.released() < minimum,
                y -> overall.reoffenceRates().get(y).followed() < minimum);
        return new Published(all, published);
    }

    /**
     * Editions to withhold at one level: those already withheld at a coarser level, those below the minimum, then
     * the smallest others until what is withheld counts 0 or at least {@code minimum} people (or is everything).
     */
    private static Set<Integer> complementary(List<Cohort> editions, ToLongFunction<Cohort> size,
            Set<Integer> already, int minimum) {
        Set<Integer> withheld = new TreeSet<>(already);
        IntStream.range(0, editions.size()).filter(i -> size.applyAsLong(editions.get(i)) < minimum)
                .forEach(withheld::add);
        List<Integer> others = IntStream.range(0, editions.size()).filter(i -> !withheld.contains(i)).boxed()
                .sorted(Comparator.<Integer>comparingLong(i -> size.applyAsLong(editions.get(i)))
                        .thenComparing(Comparator.naturalOrder()))
                .toList();
        for (int next : others) {
            long total = withheld.stream().mapToLong(i -> size.applyAsLong(editions.get(i))).sum();
            if (total == 0 || total >= minimum) {
                break;
            }
            withheld.add(next);
        }
        return withheld;
    }

    private interface RateRule {
        boolean withheld(int year);
    }

    private static Cohort control(Cohort c, boolean noCohort, boolean noFollowUp, RateRule noRate) {
        if (noCohort) {
            return new Cohort(c.editionId(), c.name(), null, null, null, null, null, null, null, null,
                    c.reoffenceRates().stream().map(DisclosureControl::withheld).toList(), null,
                    Suppression.COHORT);
        }
        if (noFollowUp) {
            return new Cohort(c.editionId(), c.name(), c.started(), c.completed(), c.withdrawn(), c.excluded(),
                    c.inProgress(), c.completionRate(), c.meanAttendancePercent(), null,
                    c.reoffenceRates().stream().map(DisclosureControl::withheld).toList(), null,
                    Suppression.FOLLOW_UP);
        }
        List<ReoffenceRate> rates = new ArrayList<>();
        for (int y = 0; y < c.reoffenceRates().size(); y++) {
            ReoffenceRate rate = c.reoffenceRates().get(y);
            rates.add(noRate.withheld(y) ? withheld(rate) : rate);
        }
        return new Cohort(c.editionId(), c.name(), c.started(), c.completed(), c.withdrawn(), c.excluded(),
                c.inProgress(), c.completionRate(), c.meanAttendancePercent(), c.released(), List.copyOf(rates),
                c.survival(), null);
    }

    private static ReoffenceRate withheld(ReoffenceRate rate) {
        return new ReoffenceRate(rate.years(), null, null, null, true);
    }
}
