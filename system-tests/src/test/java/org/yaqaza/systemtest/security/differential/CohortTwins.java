package org.yaqaza.systemtest.security.differential;

import static org.yaqaza.systemtest.security.differential.Cast.ANALYST;
import static org.yaqaza.systemtest.security.differential.Cast.AUDITOR;
import static org.yaqaza.systemtest.security.differential.Cast.COLLECTOR;
import static org.yaqaza.systemtest.security.differential.Records.PREVENTION;
import static org.yaqaza.systemtest.security.differential.Records.PREVENTION_SEEN;
import static org.yaqaza.systemtest.security.differential.Records.TODAY;

import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;

import org.yaqaza.systemtest.scenarios.Gateway;

/**
 * Evaluation figures differenced between two {@code asOf} dates. A programme shared with DGST has an edition of
 * 12 and an edition of 3 participants, all released from prison 300 days ago. On day D (the 15th of the month
 * about 200 days ago) exactly one participant of each edition re-offends; ten more of the larger edition re-offend
 * 50 to 59 days later. Intelligence
 * roles read these figures but not the case data behind them (the role firewall): one person's re-offence is a
 * record they must not learn. The twins are the same world read at two dates: the day before D (plain) and D
 * (shadowed: the world differs by exactly one re-offence per edition), and today (lit: ten more re-offences, a
 * change large enough to be published). The answer is the programme's and the small edition's evaluation,
 * {@code asOf} itself and the longest observation (which grows with {@code asOf} by nature) aside.
 */
final class CohortTwins implements Consumer<Stage> {

    static final List<String> CALLERS = List.of(ANALYST, COLLECTOR, Cast.LIAISON, AUDITOR);
    private static final List<String> TIME = List.of("asOf", "lastTime");
    private static final LocalDate RELEASED = TODAY.minusDays(300);
    /**
     * The middle of a month about 200 days ago: figures for readers of aggregates only are published for month ends,
     * so two dates a day apart inside one month must answer alike (across a month end the month's change, over a
     * cohort of at least the minimum, is published: docs/security-model.md, EVALUATION_DIFFERENCING).
     */
    static final LocalDate DAY = TODAY.minusDays(200).withDayOfMonth(15);

    private final Records r;
    private final Gateway gw;
    private String programme;
    private String small;
    private LocalDate asOf;

    CohortTwins(Records records) {
        this.r = records;
        this.gw = records.gateway();
    }

    List<Probe> probes() {
        return List.of(new TwinProbe("evaluation differencing", List.of(
                "GET /api/prevention/programmes/{id}/evaluation", "GET /api/prevention/editions/{id}/evaluation"),
                CALLERS, TIME, "evaluation the day before and the day one participant per edition re-offended "
                        + "(editions of 12 and 3)", this::answer));
    }

    @Override
    public void accept(Stage stage) {
        if (programme == null) {
            build();
        }
        asOf = switch (stage) {
            case BASELINE, REPEAT -> DAY.minusDays(1);
            case HIDDEN -> DAY;
            case VISIBLE -> TODAY;
            case REMOVED -> null; // a re-offence, once recorded, stays
        };
    }

    private void build() {
        String officer = Cast.PREVENTION;
        programme = r.programme(officer, "برنامج المتابعة بعد الإفراج", PREVENTION_SEEN);
        String large = r.edition(officer, programme, "فوج كبير", TODAY.minusDays(400), 20);
        small = r.edition(officer, programme, "فوج صغير", TODAY.minusDays(400), 5);
        cohort(large, 12, 11);
        cohort(small, 3, 1);
    }

    /** {@code size} participants released 300 days ago; the first re-offends on D, the next ones 50 days later. */
    private void cohort(String edition, int size, int reoffending) {
        for (int i = 0; i < size; i++) {
            String code = r.participant(Cast.PREVENTION, "مشارك المتابعة " + i, "Follow-up Participant " + i,
                    PREVENTION_SEEN, TODAY.minusDays(395));
            String enrolment = r.enrol(Cast.PREVENTION, edition, code, TODAY.minusDays(390), "SCREENED", "ENROLLED")
                    .str("id");
            r.releaseFromPrison(Cast.PREVENTION, code, enrolment, RELEASED);
            if (i < reoffending) {
                r.reoffence(Cast.PREVENTION, code, i == 0 ? DAY : DAY.plusDays(49 + i));
            }
        }
    }

    private String answer(String caller, Stage stage) {
        if (asOf == null) {
            return null;
        }
        return "programme: " + Answers.normalise(gw.get(PREVENTION + "/programmes/" + programme
                + "/evaluation?asOf=" + asOf, caller), TIME) + "\nsmall edition: " + Answers.normalise(gw.get(
                        PREVENTION + "/editions/" + small + "/evaluation?asOf=" + asOf, caller), TIME);
    }
}
