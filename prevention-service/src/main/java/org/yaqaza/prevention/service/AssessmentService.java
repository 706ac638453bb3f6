package org.yaqaza.prevention.service;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.yaqaza.common.audit.AuditTrail;
import org.yaqaza.common.persistence.Sql;
import org.yaqaza.common.problem.ProblemException;
import org.yaqaza.common.security.Caller;
import org.yaqaza.common.security.Visibility;
import org.yaqaza.prevention.api.AssessmentComparison;
import org.yaqaza.prevention.api.AssessmentDue;
import org.yaqaza.prevention.api.AssessmentRequest;
import org.yaqaza.prevention.api.AssessmentView;
import org.yaqaza.prevention.api.IndicatorChange;
import org.yaqaza.prevention.api.InstrumentRequest;
import org.yaqaza.prevention.api.InstrumentView;
import org.yaqaza.prevention.api.RatingRequest;
import org.yaqaza.prevention.model.Assessment;
import org.yaqaza.prevention.model.AssessmentOccasion;
import org.yaqaza.prevention.model.ConsentScope;
import org.yaqaza.prevention.model.Edition;
import org.yaqaza.prevention.model.Enrolment;
import org.yaqaza.prevention.model.Instrument;
import org.yaqaza.prevention.model.InstrumentDefinition;
import org.yaqaza.prevention.model.Participant;
import org.yaqaza.prevention.model.Programme;

/**
 * Instruments as versioned data, and assessments that record ratings with evidence and the assessor's own
 * judgement and rationale. Nothing is scored or decided here: the comparison only shows which indicators moved.
 */
@ApplicationScoped
public class AssessmentService {

    static final String OBJECT_TYPE = "assessment";

    private final EnrolmentService enrolments;
    private final ParticipantService participants;
    private final PreventionAccess access;
    private final AuditTrail audit;
    private final EntityManager em;
    private final Clock clock;

    public AssessmentService(EnrolmentService enrolments, ParticipantService participants, PreventionAccess access,
            AuditTrail audit, EntityManager em, Clock clock) {
        this.enrolments = enrolments;
        this.participants = participants;
        this.access = access;
        this.audit = audit;
        this.em = em;
        this.clock = clock;
    }

    // ---- instruments

    @Transactional
    public Instrument createInstrument(Caller caller, InstrumentRequest request) {
        access.requireCaseAccess(caller);
        check(request.definition());
        Integer latest = em.createQuery("select max(i.version) from Instrument i where i.code = :c", Integer.class)
                .setParameter("c", request.code()).getSingleResult();
        Instrument i = new Instrument();
        i.id = UUID.randomUUID();
        i.code = request.code();
        i.version = latest == null ? 1 : latest + 1;
        i.title = request.title();
        i.licence = request.licence();
        i.definition = request.definition();
        i.createdAt = clock.instant();
        i.createdBy = caller.subject();
        em.persist(i);
        audit.record("CREATE", "instrument", i.id, null, i.code + " v" + i.version);
        return i;
    }

    static void check(InstrumentDefinition d) {
        Set<String> scales = new HashSet<>();
        for (InstrumentDefinition.Scale scale : d.scales()) {
            if (!scales.add(scale.code())) {
                throw ProblemException.unprocessable("Invalid instrument", "Scale " + scale.code() + " twice.");
            }
            if (scale.levels().stream().noneMatch(l -> InstrumentDefinition.INSUFFICIENT.equals(l.code()))) {
                throw ProblemException.unprocessable("Invalid instrument", "Scale " + scale.code()
                        + " must include the level " + InstrumentDefinition.INSUFFICIENT + ".");
            }
        }
        Set<String> codes = new HashSet<>();
        for (InstrumentDefinition.Indicator indicator : d.indicators()) {
            if (!codes.add(indicator.code())) {
                throw ProblemException.unprocessable("Invalid instrument", "Indicator " + indicator.code()
                        + " twice.");
            }
            if (!scales.contains(indicator.scale())) {
                throw ProblemException.unprocessable("Invalid instrument", "Indicator " + indicator.code()
                        + " uses unknown scale " + indicator.scale() + ".");
            }
        }
    }

    @Transactional
    public List<Instrument> instruments(Caller caller) {
        access.requireCaseAccess(caller);
        return em.createQuery("from Instrument order by code, version", Instrument.class).getResultList();
    }

    @Transactional
    public Instrument instrument(Caller caller, UUID id) {
        access.requireCaseAccess(caller);
        Instrument i = em.find(Instrument.class, id);
        if (i == null) {
            throw ProblemException.notFound("Instrument", id);
        }
        return i;
    }

    // ---- assessments

    @Transactional
    public Assessment assess(Caller caller, UUID enrolmentId, AssessmentRequest request) {
        Enrolment enrolment = enrolments.forCase(caller, enrolmentId);
        Participant participant = em.find(Participant.class, enrolment.participantId);
        participants.requireProcessing(participant, ConsentScope.PARTICIPATION, null);
        Instrument instrument = em.find(Instrument.class, request.instrumentId());
        if (instrument == null) {
            throw ProblemException.unprocessable("Unknown instrument", "instrumentId names no instrument.");
        }
        List<Assessment.Rating> ratings = checkRatings(instrument.definition, request);
        if (!instrument.definition.judgements().contains(request.overallJudgement())) {
            throw ProblemException.unprocessable("Unknown judgement", "overallJudgement must be one of: "
                    + String.join(" | ", instrument.definition.judgements()));
        }
        Edition edition = em.find(Edition.class, enrolment.editionId);
        Programme programme = em.find(Programme.class, edition.programmeId);
        Assessment a = new Assessment();
        a.id = UUID.randomUUID();
        a.enrolmentId = enrolment.id;
        a.instrumentId = instrument.id;
        a.assessedOn = request.assessedOn();
        a.occasion = request.occasion();
        a.assessor = caller.subject();
        a.ratings = ratings;
        a.overallJudgement = request.overallJudgement();
        a.rationale = request.rationale();
        a.nextDueOn = programme.assessmentCadenceDays == null || a.occasion == AssessmentOccasion.FINAL ? null
                : a.assessedOn.plusDays(programme.assessmentCadenceDays);
        a.createdAt = clock.instant();
        em.persist(a);
        audit.record("CREATE", OBJECT_TYPE, a.id, participant.classification, "participant " + participant.code
                + ", " + instrument.code + " v" + instrument.version);
        return a;
    }

    /** Every indicator rated once, on its own scale, with evidence unless information is insufficient. */
    private static List<Assessment.Rating> checkRatings(InstrumentDefinition d,
            AssessmentRequest request) {
        Map<String, InstrumentDefinition.Indicator> indicators = new LinkedHashMap<>();
        d.indicators().forEach(i -> indicators.put(i.code(), i));
        Map<String, RatingRequest> given = new HashMap<>();
        List<String> problems = new ArrayList<>();
        for (RatingRequest r : request.ratings()) {
            InstrumentDefinition.Indicator indicator = indicators.get(r.indicator());
            if (indicator == null) {
                problems.add(r.indicator() + " is not an indicator of this instrument");
            } else if (given.put(r.indicator(), r) != null) {
                problems.add(r.indicator() + " is rated twice");
            } else if (d.scale(indicator.scale()).levels().stream().noneMatch(l -> l.code().equals(r.level()))) {
                problems.add(r.indicator() + ": " + r.level() + " is not a level of scale " + indicator.scale());
            } else if (!InstrumentDefinition.INSUFFICIENT.equals(r.level())
                    && (r.evidence() == null || r.evidence().isBlank())) {
                problems.add(r.indicator() + ": a rating needs its evidence");
            }
        }
        indicators.keySet().stream().filter(code -> !given.containsKey(code))
                .forEach(code -> problems.add(code + " is not rated (use " + InstrumentDefinition.INSUFFICIENT
                        + " when information is lacking)"));
        if (!problems.isEmpty()) {
            throw ProblemException.unprocessable("Incomplete assessment", String.join("; ", problems) + ".");
        }
        return indicators.keySet().stream().map(given::get)
                .map(r -> new Assessment.Rating(r.indicator(), r.level(), r.evidence())).toList();
    }

    @Transactional
    public List<Assessment> ofEnrolment(Caller caller, UUID enrolmentId) {
        Enrolment enrolment = enrolments.forCase(caller, enrolmentId);
        return em.createQuery("from Assessment where enrolmentId = :e order by assessedOn desc, createdAt desc",
                Assessment.class).setParameter("e", enrolment.id).getResultList();
    }

    @Transactional
    public Assessment get(Caller caller, UUID id) {
        access.requireCaseAccess(caller);
        Assessment a = em.find(Assessment.class, id);
        if (a == null) {
            throw ProblemException.notFound("Assessment", id);
        }
        Enrolment enrolment;
        try {
            enrolment = enrolments.forCase(caller, a.enrolmentId);
        } catch (ProblemException hidden) {
            throw ProblemException.notFound("Assessment", id);
        }
        participants.auditRead(em.find(Participant.class, enrolment.participantId), "assessment " + id);
        return a;
    }

    @Transactional
    public AssessmentComparison compare(Caller caller, UUID id) {
        Assessment current = get(caller, id);
        Assessment previous = em.createQuery("from Assessment where enrolmentId = :e and (assessedOn < :on or"
                + " (assessedOn = :on and createdAt < :at)) order by assessedOn desc, createdAt desc", Assessment.class)
                .setParameter("e", current.enrolmentId).setParameter("on", current.assessedOn)
                .setParameter("at", current.createdAt).setMaxResults(1).getResultStream().findFirst().orElse(null);
        if (previous == null) {
            return new AssessmentComparison(current.id, null, null, current.assessedOn, null,
                    current.overallJudgement, List.of());
        }
        InstrumentDefinition now = em.find(Instrument.class, current.instrumentId).definition;
        InstrumentDefinition then = em.find(Instrument.class, previous.instrumentId).definition;
        Map<String, String> before = new HashMap<>();
        previous.ratings.forEach(r -> before.put(r.indicator(), r.level()));
        List<IndicatorChange> changes = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Assessment.Rating r : current.ratings) {
            seen.add(r.indicator());
            String old = before.get(r.indicator());
            changes.add(new IndicatorChange(r.indicator(), old, r.level(), movement(now, then, r.indicator(),
                    old, r.level())));
        }
        previous.ratings.stream().filter(r -> !seen.contains(r.indicator())).forEach(r -> changes
                .add(new IndicatorChange(r.indicator(), r.level(), null, "NOT_IN_CURRENT_INSTRUMENT")));
        return new AssessmentComparison(current.id, previous.id, previous.assessedOn, current.assessedOn,
                previous.overallJudgement, current.overallJudgement, changes);
    }

    private static String movement(InstrumentDefinition now, InstrumentDefinition then, String indicator,
            String old, String level) {
        if (old == null) {
            return "NEW_INDICATOR";
        }
        if (old.equals(level)) {
            return "SAME";
        }
        if (InstrumentDefinition.INSUFFICIENT.equals(old) || InstrumentDefinition.INSUFFICIENT.equals(level)) {
            return "NOT_COMPARABLE";
        }
        String scale = now.indicators().stream().filter(i -> i.code().equals(indicator)).findFirst().get().scale();
        String oldScale = then.indicators().stream().filter(i -> i.code().equals(indicator)).findFirst()
                .map(InstrumentDefinition.Indicator::scale).orElse(null);
        if (!scale.equals(oldScale)) {
            return "NOT_COMPARABLE";
        }
        List<String> order = now.scale(scale).levels().stream().map(InstrumentDefinition.Level::code).toList();
        return order.indexOf(level) > order.indexOf(old) ? "UP" : "DOWN";
    }

    /** Enrolments still running whose latest assessment's re-assessment date has come. */
    @Transactional
    public List<AssessmentDue> due(Caller caller, LocalDate asOf) {
        access.requireCaseAccess(caller);
        var query = em.createNativeQuery("select distinct on (a.enrolment_id) a.enrolment_id, p.code, a.id,"
                + " a.next_due_on from assessment a join enrolment e on e.id = a.enrolment_id"
                + " join participant p on p.id = e.participant_id join edition ed on ed.id = e.edition_id"
                + " join programme pr on pr.id = ed.programme_id where e.state in ('ENROLLED', 'ACTIVE')"
                + " and " + Visibility.sqlPredicate("p") + " and " + Visibility.sqlPredicate("pr")
                + " order by a.enrolment_id, a.assessed_on desc, a.created_at desc");
        Visibility.parameters(caller).forEach(query::setParameter);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        return rows.stream().filter(r -> r[3] != null && !Sql.date(r[3]).isAfter(asOf))
                .map(r -> new AssessmentDue((UUID) r[0], (String) r[1], (UUID) r[2], Sql.date(r[3])))
                .sorted(java.util.Comparator.comparing(AssessmentDue::dueOn)).toList();
    }

    public AssessmentView view(Assessment a) {
        Instrument i = em.find(Instrument.class, a.instrumentId);
        return new AssessmentView(a.id, a.enrolmentId, a.instrumentId, i.code, i.version, a.assessedOn,
                a.occasion, a.assessor, a.ratings.stream()
                        .map(r -> new RatingRequest(r.indicator(), r.level(), r.evidence())).toList(),
                a.overallJudgement, a.rationale, a.nextDueOn);
    }

    public static InstrumentView view(Instrument i) {
        return new InstrumentView(i.id, i.code, i.version, i.title, i.licence, i.definition,
                i.createdAt);
    }
}
