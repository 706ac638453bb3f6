package org.yaqaza.prevention.evaluation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The Kaplan–Meier product-limit estimator of a survival function with Greenwood's variance and 95% confidence
 * intervals on the log-log scale (Kalbfleisch &amp; Prentice), which stay inside [0, 1]. At a time with both events
 * and censorings, the censored are taken to be at risk at that time (the usual convention). Like a life table,
 * the curve lists event times only; each step counts the people censored from its time until the next event.
 */
public final class KaplanMeier {

    /** Two-sided 95% normal quantile. */
    public static final double Z95 = 1.959963984540054;

    private KaplanMeier() {
    }

    /** Events and censorings observed at one time. */
    public record Tally(long events, long censored) {
    }

    /**
     * One step of the curve: at event time {@code time}, {@code atRisk} people were at risk and {@code events} had
     * the event; {@code censored} left observation from {@code time} until the next event time; {@code survival}
     * is S(t) just after t.
     */
    public record Step(long time, long atRisk, long events, long censored, double survival,
            Double greenwoodVariance, Double standardError, Double lower, Double upper) {
    }

    /** {@code lastTime}: the longest observation; {@code censoredBeforeFirstEvent}: left before any event. */
    public record Curve(long subjects, long events, long censored, long censoredBeforeFirstEvent, Long lastTime,
            List<Step> steps, Long medianTime) {
    }

    /** From individual observations: time and whether the event happened (false = censored). */
    public static Curve estimate(long[] times, boolean[] events) {
        Map<Long, long[]> tallies = new TreeMap<>();
        for (int i = 0; i < times.length; i++) {
            long[] t = tallies.computeIfAbsent(times[i], k -> new long[2]);
            t[events[i] ? 0 : 1]++;
        }
        Map<Long, Tally> grouped = new TreeMap<>();
        tallies.forEach((time, t) -> grouped.put(time, new Tally(t[0], t[1])));
        return estimate(grouped);
    }

    /** From tallies per time (ascending keys), as a database GROUP BY yields them. */
    public static Curve estimate(Map<Long, Tally> byTime) {
        long atRisk = byTime.values().stream().mapToLong(t -> t.events() + t.censored()).sum();
        long subjects = atRisk;
        long totalEvents = 0;
        long totalCensored = 0;
        long censoredBefore = 0;
        Long lastTime = null;
        double survival = 1.0;
        double greenwoodSum = 0.0;
        boolean varianceDefined = true;
        Long median = null;
        List<Step> steps = new ArrayList<>();
        for (Map.Entry<Long, Tally> entry : new TreeMap<>(byTime).entrySet()) {
            long d = entry.getValue().events();
            long c = entry.getValue().censored();
            lastTime = entry.getKey();
            totalCensored += c;
            if (d == 0) {
                // censoring only: belongs to the previous event's step
                if (steps.isEmpty()) {
                    censoredBefore += c;
                } else {
                    Step last = steps.remove(steps.size() - 1);
                    steps.add(new Step(last.time(), last.atRisk(), last.events(), last.censored() + c,
                            last.survival(), last.greenwoodVariance(), last.standardError(), last.lower(),
                            last.upper()));
                }
                atRisk -= c;
                continue;
            }
            survival *= 1.0 - (double) d / atRisk;
            if (atRisk > d) {
                greenwoodSum += (double) d / ((double) atRisk * (atRisk - d));
            } else {
                varianceDefined = false;
            }
            Double variance = null;
            Double se = null;
            Double lower = null;
            Double upper = null;
            if (varianceDefined) {
                variance = survival * survival * greenwoodSum;
                se = Math.sqrt(variance);
                double[] ci = logLogInterval(survival, greenwoodSum);
                lower = ci[0];
                upper = ci[1];
            }
            steps.add(new Step(entry.getKey(), atRisk, d, c, round(survival), round(variance), round(se),
                    round(lower), round(upper)));
            if (median == null && survival <= 0.5) {
                median = entry.getKey();
            }
            totalEvents += d;
            atRisk -= d + c;
        }
        return new Curve(subjects, totalEvents, totalCensored, censoredBefore, lastTime, List.copyOf(steps),
                median);
    }

    /** Six decimals are plenty for reporting and keep large curves small on the wire; sums use full precision. */
    private static Double round(Double value) {
        return value == null ? null : Math.round(value * 1e6) / 1e6;
    }

    /**
     * 95% interval for S on the log(-log S) scale: the standard error of log(-log S) is
     * sqrt(sum d/(n(n-d))) / |log S|, and the bounds are S^exp(±z·se).
     */
    static double[] logLogInterval(double survival, double greenwoodSum) {
        if (survival >= 1.0) {
            return new double[] { 1.0, 1.0 };
        }
        if (survival <= 0.0) {
            return new double[] { 0.0, 0.0 };
        }
        double logS = Math.log(survival);
        double seLogLog = Math.sqrt(greenwoodSum) / Math.abs(logS);
        return new double[] { Math.pow(survival, Math.exp(Z95 * seLogLog)),
                Math.pow(survival, Math.exp(-Z95 * seLogLog)) };
    }

    /** S(t) read off the curve: the value of the last step at or before t. */
    public static double survivalAt(Curve curve, long t) {
        double s = 1.0;
        for (Step step : curve.steps()) {
            if (step.time() > t) {
                break;
            }
            s = step.survival();
        }
        return s;
    }
}
