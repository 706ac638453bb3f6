package org.yaqaza.prevention;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.yaqaza.common.security.Caller;
import org.yaqaza.common.security.Classification;
import org.yaqaza.testsupport.PostgresTestResource;
import org.yaqaza.prevention.api.EvaluationView;
import org.yaqaza.prevention.evaluation.KaplanMeier;
import org.yaqaza.prevention.service.EvaluationService;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The evaluation as the service computes it (aggregated in SQL) against a straightforward computation in Java
 * from the raw rows, on small random programmes full of edge cases: records the caller may not see, enrolments
 * that never started, modules with more sessions than required, releases after the as-of date or not linked to
 * an enrolment, re-offences before release or after the end of follow-up, ties, people in two editions.
 */
@QuarkusTest
class EvaluationReferenceTest {

    private static final int[] YEARS = { 1, 2, 3 };
    private static final String[] STATES = { "APPLIED", "SCREENED", "WAITLISTED", "ENROLLED", "ACTIVE", "COMPLETED",
        "COMPLETED", "COMPLETED", "WITHDRAWN", "EXCLUDED" };
    private static final String[] AGENCIES = { "MHAI", "MHAI", "MHAI", "DGST" };

    @Inject
    EvaluationService evaluation;

    record Person(UUID id, Classification classification, Set<String> compartments, String agency,
            Set<String> shared) {
    }

    record Start(UUID id, UUID edition, UUID participant, String state, boolean started) {
    }

    record Release(UUID enrolment, UUID participant, LocalDate releasedOn, LocalDate endedOn) {
    }

    record Mark(UUID enrolment, UUID module, String status) {
    }

    @Test
    void theAggregatedEvaluationEqualsAStraightforwardComputationOnRandomProgrammes() throws Exception {
        LocalDate asOf = LocalDate.now().minusDays(3);
        List<Caller> callers = List.of(
                caller(Classification.SECRET, "MHAI"),
                caller(Classification.TOP_SECRET, "MHAI", "RECON-X"),
                caller(Classification.RESTRICTED, "DGST"));
        for (long seed : new long[] { 7, 2024 }) {
            Random random = new Random(seed);
            // shared with DGST so that the third caller sees the programme (and only the shared participants)
            String programme = Fixtures.createProgramme(Fixtures.officer(), Fixtures.programme("RESTRICTED")
                    .replace("\"compartments\":[]", "\"compartments\":[],\"sharedWith\":[\"DGST\"]"));
            Map<UUID, Integer> required = new LinkedHashMap<>();
            for (int m = 0; m < 3; m++) {
                int r = 1 + random.nextInt(3);
                required.put(UUID.fromString(Fixtures.module(programme, "M" + m, r)), r);
            }
            List<UUID> editions = new ArrayList<>();
            for (int e = 0; e < 3; e++) {
                editions.add(UUID.fromString(Fixtures.edition(programme, 200)));
            }
            Data data = generate(random, editions, required, asOf);
            for (Caller caller : callers) {
                EvaluationView actual = evaluation.programme(caller, UUID.fromString(programme), asOf);
                List<EvaluationView.Cohort> expected = new ArrayList<>();
                for (UUID edition : editions) {
                    expected.add(reference(data, caller, List.of(edition), required, asOf, edition));
                }
                String at = "seed " + seed + ", caller " + caller.subject();
                assertTrue(actual.overall().started() > 0, at + ": the caller sees some of the programme");
                assertEquals(expected, actual.editions(), at + ": editions");
                assertEquals(reference(data, caller, editions, required, asOf, null), actual.overall(),
                        at + ": overall");
                EvaluationView one = evaluation.edition(caller, editions.get(1), asOf);
                assertEquals(expected.get(1), one.overall(), at + ": one edition");
                assertTrue(one.editions().isEmpty());
            }
        }
    }

    @Test
    void aCachedEvaluationIsServedOnlyWhileTheDataAndTheCallersVisibilityAreTheSame() throws Exception {
        LocalDate asOf = LocalDate.now().minusDays(3);
        Caller secret = caller(Classification.SECRET, "MHAI");
        Caller restricted = caller(Classification.RESTRICTED, "DGST");
        Random random = new Random(99);
        String programme = Fixtures.createProgramme(Fixtures.officer(), Fixtures.programme("RESTRICTED")
                .replace("\"compartments\":[]", "\"compartments\":[],\"sharedWith\":[\"DGST\"]"));
        UUID id = UUID.fromString(programme);
        Map<UUID, Integer> required = new LinkedHashMap<>();
        for (int m = 0; m < 2; m++) {
            required.put(UUID.fromString(Fixtures.module(programme, "M" + m, 2)), 2);
        }
        List<UUID> editions = List.of(UUID.fromString(Fixtures.edition(programme, 200)),
                UUID.fromString(Fixtures.edition(programme, 200)));
        Data data = generate(random, editions, required, asOf);
        EvaluationView first = evaluation.programme(secret, id, asOf);
        assertMatchesReference(data, secret, first, editions, required, asOf, "before any change");
        assertSame(first, evaluation.programme(secret, id, asOf), "same data, same caller: the cached evaluation");
        EvaluationView other = evaluation.programme(restricted, id, asOf);
        assertNotEquals(first.overall().started(), other.overall().started());
        assertMatchesReference(data, restricted, other, editions, required, asOf, "another caller's visibility");

        // more people, marks (more sessions too), releases and re-offences, written below the API
        Data more = generate(random, editions, required, asOf);
        data.people.putAll(more.people);
        data.enrolments.addAll(more.enrolments);
        data.marks.addAll(more.marks);
        data.releases.addAll(more.releases);
        data.reoffences.addAll(more.reoffences);
        EvaluationView second = evaluation.programme(secret, id, asOf);
        assertNotEquals(first.overall().started(), second.overall().started());
        assertMatchesReference(data, secret, second, editions, required, asOf, "after a bulk import");

        // a marking alone changes: someone the caller saw is now above the caller's clearance
        Start hidden = data.enrolments.stream().filter(e -> e.started() && secret.canSee(
                data.people.get(e.participant()).classification(), data.people.get(e.participant()).compartments(),
                data.people.get(e.participant()).agency(), data.people.get(e.participant()).shared()))
                .findFirst().orElseThrow();
        Person before = data.people.get(hidden.participant());
        try (Connection c = PostgresTestResource.superuser("prevention");
                PreparedStatement s = c.prepareStatement("update participant set classification = ? where id = ?")) {
            s.setShort(1, (short) Classification.TOP_SECRET.level());
            s.setObject(2, hidden.participant());
            s.executeUpdate();
        }
        data.people.put(before.id(), new Person(before.id(), Classification.TOP_SECRET, before.compartments(),
                before.agency(), before.shared()));
        EvaluationView third = evaluation.programme(secret, id, asOf);
        assertNotEquals(second.overall().started(), third.overall().started());
        assertMatchesReference(data, secret, third, editions, required, asOf, "after a marking change");
        assertMatchesReference(data, restricted, evaluation.programme(restricted, id, asOf), editions, required,
                asOf, "the other caller after the changes");
    }

    private static void assertMatchesReference(Data data, Caller caller, EvaluationView actual, List<UUID> editions,
            Map<UUID, Integer> required, LocalDate asOf, String at) {
        List<EvaluationView.Cohort> expected = new ArrayList<>();
        for (UUID edition : editions) {
            expected.add(reference(data, caller, List.of(edition), required, asOf, edition));
        }
        assertEquals(expected, actual.editions(), at + ": editions");
        assertEquals(reference(data, caller, editions, required, asOf, null), actual.overall(), at + ": overall");
    }

    @Test
    void badInputOnTheEvaluationEndpointsAnswersProblemsNeverA500() {
        String programme = Fixtures.reconciliationProgramme();
        String edition = Fixtures.edition(programme, 5);
        String officer = Fixtures.officer();
        for (String path : new String[] { "/api/prevention/programmes/" + programme + "/evaluation",
            "/api/prevention/programmes/" + programme + "/evaluation.svg",
            "/api/prevention/editions/" + edition + "/evaluation",
            "/api/prevention/editions/" + edition + "/evaluation.svg" }) {
            for (String asOf : new String[] { "yesterday", "2024-02-30", "2024-1-5", "-5000-01-01", "1899-12-31",
                "+999999999-12-31", LocalDate.now().plusYears(1).toString() }) {
                given().auth().oauth2(officer).queryParam("asOf", asOf).get(path).then().statusCode(400)
                        .contentType("application/problem+json").body("errors[0].field", equalTo("asOf"));
            }
            given().auth().oauth2(officer).queryParam("asOf", "1900-01-01").get(path).then().statusCode(200);
            given().auth().oauth2(officer).queryParam("asOf", "").get(path).then().statusCode(200);
        }
        for (String path : new String[] { "/api/prevention/programmes/%s/evaluation",
            "/api/prevention/programmes/%s/evaluation.svg", "/api/prevention/editions/%s/evaluation",
            "/api/prevention/editions/%s/evaluation.svg" }) {
            for (String id : new String[] { "not-a-uuid", UUID.randomUUID().toString(), "'or'1'='1" }) {
                given().auth().oauth2(officer).get(path.formatted(id)).then().statusCode(404)
                        .contentType("application/problem+json");
            }
        }
    }

    /** The figures by their definitions in docs/prevention.md, one person at a time. */
    private static EvaluationView.Cohort reference(Data data, Caller caller, List<UUID> editions,
            Map<UUID, Integer> required, LocalDate asOf, UUID edition) {
        long started = 0;
        long completed = 0;
        long withdrawn = 0;
        long excluded = 0;
        long inProgress = 0;
        long attended = 0;
        long totalRequired = required.values().stream().mapToLong(Integer::longValue).sum();
        List<Long> times = new ArrayList<>();
        List<Boolean> events = new ArrayList<>();
        long released = 0;
        long[] reoffended = new long[YEARS.length];
        long[] followed = new long[YEARS.length];
        for (Start s : data.enrolments) {
            Person p = data.people.get(s.participant);
            if (!editions.contains(s.edition) || !s.started
                    || !caller.canSee(p.classification, p.compartments, p.agency, p.shared)) {
                continue;
            }
            started++;
            switch (s.state) {
                case "COMPLETED" -> completed++;
                case "WITHDRAWN" -> withdrawn++;
                case "EXCLUDED" -> excluded++;
                case "ENROLLED", "ACTIVE" -> inProgress++;
                default -> throw new IllegalStateException(s.state);
            }
            Map<UUID, Integer> present = new HashMap<>();
            for (Mark mark : data.marks) {
                if (mark.enrolment.equals(s.id) && mark.status.equals("PRESENT")) {
                    present.merge(mark.module, 1, Integer::sum);
                }
            }
            for (Map.Entry<UUID, Integer> module : present.entrySet()) {
                attended += Math.min(module.getValue(), required.get(module.getKey()));
            }
            for (Release r : data.releases) {
                if (!s.id.equals(r.enrolment) || r.releasedOn.isAfter(asOf)) {
                    continue;
                }
                released++;
                LocalDate censor = r.endedOn == null || r.endedOn.isAfter(asOf) ? asOf : r.endedOn;
                LocalDate first = null;
                for (Map.Entry<LocalDate, UUID> o : data.reoffences) {
                    if (o.getValue().equals(r.participant) && o.getKey().isAfter(r.releasedOn)
                            && (first == null || o.getKey().isBefore(first))) {
                        first = o.getKey();
                    }
                }
                boolean event = first != null && !first.isAfter(censor);
                LocalDate end = event ? first : censor;
                times.add(end.toEpochDay() - r.releasedOn.toEpochDay());
                events.add(event);
                for (int i = 0; i < YEARS.length; i++) {
                    LocalDate horizon = r.releasedOn.plusYears(YEARS[i]);
                    boolean within = event && !end.isAfter(horizon);
                    reoffended[i] += within ? 1 : 0;
                    followed[i] += within || !end.isBefore(horizon) ? 1 : 0;
                }
            }
        }
        long[] t = times.stream().mapToLong(Long::longValue).toArray();
        boolean[] ev = new boolean[events.size()];
        for (int i = 0; i < ev.length; i++) {
            ev[i] = events.get(i);
        }
        List<EvaluationView.ReoffenceRate> rates = new ArrayList<>();
        for (int i = 0; i < YEARS.length; i++) {
            rates.add(new EvaluationView.ReoffenceRate(YEARS[i], followed[i], reoffended[i],
                    followed[i] == 0 ? null : round((double) reoffended[i] / followed[i]), false));
        }
        long finished = started - inProgress;
        long denominator = started * totalRequired;
        return new EvaluationView.Cohort(edition, edition == null ? "all editions" : "Édition 2024", started,
                completed, withdrawn, excluded, inProgress, finished == 0 ? null : round((double) completed / finished),
                denominator == 0 ? null : round(100.0 * attended / denominator), released, rates,
                KaplanMeier.estimate(t, ev), null);
    }

    private static double round(double v) {
        return Math.round(v * 10000.0) / 10000.0;
    }

    static final class Data {
        final Map<UUID, Person> people = new LinkedHashMap<>();
        final List<Start> enrolments = new ArrayList<>();
        final List<Mark> marks = new ArrayList<>();
        final List<Release> releases = new ArrayList<>();
        final List<Map.Entry<LocalDate, UUID>> reoffences = new ArrayList<>();
    }

    /** Random rows written below the API (as a bulk import would), so every edge case can occur. */
    private static Data generate(Random random, List<UUID> editions, Map<UUID, Integer> required, LocalDate asOf)
            throws Exception {
        Data data = new Data();
        List<UUID> modules = new ArrayList<>(required.keySet());
        try (Connection c = PostgresTestResource.superuser("prevention")) {
            c.setAutoCommit(false);
            // sessions: per module 1 to required + 2 (so attending more than required happens)
            Map<UUID, List<UUID[]>> sessions = new HashMap<>();
            try (PreparedStatement s = c.prepareStatement("insert into session (id, edition_id, module_id, held_on,"
                    + " created_at) values (?, ?, ?, ?, now())")) {
                for (UUID edition : editions) {
                    List<UUID[]> list = new ArrayList<>();
                    for (UUID module : modules) {
                        int n = 1 + random.nextInt(required.get(module) + 2);
                        for (int i = 0; i < n; i++) {
                            UUID id = UUID.randomUUID();
                            s.setObject(1, id);
                            s.setObject(2, edition);
                            s.setObject(3, module);
                            s.setObject(4, LocalDate.of(2020, 3, 1).plusDays(i));
                            s.addBatch();
                            list.add(new UUID[] { id, module });
                        }
                    }
                    sessions.put(edition, list);
                }
                s.executeBatch();
            }
            PreparedStatement p = c.prepareStatement("insert into participant (id, classification, compartments,"
                    + " owner_agency, shared_with, created_at, created_by, version, code) values (?, ?, ?, ?, ?,"
                    + " now(), 'test', 0, ?)");
            PreparedStatement en = c.prepareStatement("insert into enrolment (id, edition_id, participant_id, state,"
                    + " voluntary, applied_on, enrolled_on, created_at, updated_at, version) values"
                    + " (?, ?, ?, ?, true, ?, ?, now(), now(), 0)");
            PreparedStatement at = c.prepareStatement("insert into attendance (session_id, enrolment_id, status)"
                    + " values (?, ?, ?)");
            PreparedStatement rel = c.prepareStatement("insert into release_record (id, participant_id,"
                    + " enrolment_id, released_on, follow_up_ended_on, created_at) values (?, ?, ?, ?, ?, now())");
            PreparedStatement off = c.prepareStatement("insert into reoffence (id, participant_id, occurred_on, kind,"
                    + " created_at) values (?, ?, ?, 'OTHER', now())");
            for (int i = 0; i < 90; i++) {
                UUID id = UUID.randomUUID();
                Classification level = Classification.values()[1 + random.nextInt(4)];
                Set<String> compartments = random.nextInt(8) == 0 ? Set.of("RECON-X") : Set.of();
                String agency = AGENCIES[random.nextInt(AGENCIES.length)];
                Set<String> shared = random.nextInt(3) == 0 ? Set.of("DGST") : Set.of();
                data.people.put(id, new Person(id, level, compartments, agency, shared));
                p.setObject(1, id);
                p.setShort(2, (short) level.level());
                p.setArray(3, c.createArrayOf("text", compartments.toArray()));
                p.setString(4, agency);
                p.setArray(5, c.createArrayOf("text", shared.toArray()));
                p.setString(6, "YQ-REF-" + UUID.randomUUID().toString().substring(0, 13));
                p.addBatch();
                // most people in one edition, some in two
                List<UUID> mine = new ArrayList<>(editions);
                java.util.Collections.shuffle(mine, random);
                for (UUID edition : mine.subList(0, random.nextInt(5) == 0 ? 2 : 1)) {
                    String state = STATES[random.nextInt(STATES.length)];
                    boolean started = !Set.of("APPLIED", "SCREENED", "WAITLISTED").contains(state);
                    UUID enrolment = UUID.randomUUID();
                    data.enrolments.add(new Start(enrolment, edition, id, state, started));
                    en.setObject(1, enrolment);
                    en.setObject(2, edition);
                    en.setObject(3, id);
                    en.setString(4, state);
                    en.setObject(5, LocalDate.of(2020, 1, 10));
                    en.setObject(6, started ? LocalDate.of(2020, 2, 1) : null);
                    en.addBatch();
                    for (UUID[] session : sessions.get(edition)) {
                        int r = random.nextInt(4);
                        if (r == 0) {
                            continue;
                        }
                        String status = r == 1 ? "ABSENT" : random.nextInt(6) == 0 ? "EXCUSED" : "PRESENT";
                        at.setObject(1, session[0]);
                        at.setObject(2, enrolment);
                        at.setString(3, status);
                        at.addBatch();
                        data.marks.add(new Mark(enrolment, session[1], status));
                    }
                    if (!started || random.nextInt(5) == 0) {
                        continue;
                    }
                    // releases spread over 5 years before as-of, a few after it; coarse dates make ties
                    LocalDate releasedOn = asOf.minusDays(10L * random.nextInt(190) - 30);
                    LocalDate endedOn = random.nextInt(3) == 0 ? releasedOn.plusDays(30L * random.nextInt(50))
                            : null;
                    if (random.nextInt(4) == 0) {
                        // exactly one or two years: the horizon boundaries
                        endedOn = releasedOn.plusYears(1 + random.nextInt(2));
                    }
                    UUID linked = random.nextInt(12) == 0 ? null : enrolment;
                    data.releases.add(new Release(linked, id, releasedOn, endedOn));
                    rel.setObject(1, UUID.randomUUID());
                    rel.setObject(2, id);
                    rel.setObject(3, linked);
                    rel.setObject(4, releasedOn);
                    rel.setObject(5, endedOn);
                    rel.addBatch();
                    for (int k = random.nextInt(3); k > 0; k--) {
                        LocalDate on = releasedOn.plusDays(20L * random.nextInt(100) - 100);
                        if (endedOn != null && random.nextInt(4) == 0) {
                            on = endedOn; // on the last day of follow-up: still seen
                        }
                        data.reoffences.add(Map.entry(on, id));
                        off.setObject(1, UUID.randomUUID());
                        off.setObject(2, id);
                        off.setObject(3, on);
                        off.addBatch();
                    }
                }
            }
            for (PreparedStatement s : new PreparedStatement[] { p, en, at, rel, off }) {
                s.executeBatch();
                s.close();
            }
            c.commit();
        }
        return data;
    }

    private static Caller caller(Classification clearance, String agency, String... compartments) {
        return new Caller("reference-" + clearance + "-" + agency, Set.of("prevention-officer"), clearance,
                new TreeSet<>(List.of(compartments)), agency, null);
    }
}
