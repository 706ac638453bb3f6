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
import jakarta.transaction.Transactional;

import org.yaqaza.common.audit.AuditTrail;
import org.yaqaza.common.problem.ProblemException;
import org.yaqaza.common.security.Caller;
import org.yaqaza.prevention.api.AssessmentComparison;
import org.yaqaza.prevention.api.AssessmentDue;
import org.yaqaza.prevention.api.AssessmentRequest;
import org.yaqaza.prevention.api.AssessmentView;
import org.yaqaza.prevention.api.IndicatorChange;
import org.yaqaza.prevention.api.InstrumentRequest;
import org.yaqaza.prevention.api.RatingRequest;
import org.yaqaza.prevention.mapping.AssessmentMapper;
import org.yaqaza.prevention.model.Assessment;
import org.yaqaza.prevention.model.AssessmentOccasion;
import org.yaqaza.prevention.model.ConsentScope;
import org.yaqaza.prevention.model.Enrolment;
import org.yaqaza.prevention.model.Instrument;
import org.yaqaza.prevention.model.InstrumentDefinition;
import org.yaqaza.prevention.model.Participant;
import org.yaqaza.prevention.model.Programme;
import org.yaqaza.prevention.repository.AssessmentRepository;
import org.yaqaza.prevention.repository.EditionRepository;
import org.yaqaza.prevention.repository.InstrumentRepository;
import org.yaqaza.prevention.repository.ProgrammeRepository;

/**
 * Instruments as versioned data, and assessments that record ratings with evidence and the assessor's own
 * judgement and rationale. Nothing is scored or decided here: the comparison only shows which indicators moved.
 */
@ApplicationScoped
public class AssessmentService {

    static final String OBJECT_TYPE = "assessment";

    private final EnrolmentService enrolments;
    private final ParticipantService participants;
    private final AssessmentRepository assessments;
    private final InstrumentRepository instruments;
    private final EditionRepository editions;
    private final ProgrammeRepository programmes;
    private final AuditTrail audit;
    private final Clock clock;

    public AssessmentService(EnrolmentService enrolments, ParticipantService participants,
            AssessmentRepository assessments, InstrumentRepository instruments, EditionRepository editions,
            ProgrammeRepository programmes, AuditTrail audit, Clock clock) {
        this.enrolments = enrolments;
        this.participants = participants;
        this.assessments = assessments;
        this.instruments = instruments;
        this.editions = editions;
        this.programmes = programmes;
        this.audit = audit;
        this.clock = clock;
    }

    // ---- instruments

    @Transactional
    public Instrument createInstrument(Caller caller, InstrumentRequest request) {
        check(request.definition());
        Instrument i = new Instrument();
        i.id = UUID.randomUUID();
        i.code = request.code();
        i.version = instruments.latestVersion(request.code()) + 1;
        i.title = request.title();
        i.licence = request.licence();
        i.definition = request.definition();
        i.createdAt = clock.instant();
        i.createdBy = caller.subject();
        instruments.persist(i);
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
    public List<Instrument> instruments() {
        return instruments.allVersions();
    }

    @Transactional
    public Instrument instrument(UUID id) {
        return instruments.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("Instrument", id));
    }

    // ---- assessments

    @Transactional
    public Assessment assess(Caller caller, UUID enrolmentId, AssessmentRequest request) {
        Enrolment enrolment = enrolments.forCaseWrite(caller, enrolmentId);
        Participant participant = participants.requireProcessing(enrolment.participantId,
                ConsentScope.PARTICIPATION, null);
        Instrument instrument = instruments.findByIdOptional(request.instrumentId()).orElseThrow(
                () -> ProblemException.unprocessable("Unknown instrument", "instrumentId names no instrument."));
        List<Assessment.Rating> ratings = checkRatings(instrument.definition, request);
        if (!instrument.definition.judgements().contains(request.overallJudgement())) {
            throw ProblemException.unprocessable("Unknown judgement", "overallJudgement must be one of: "
                    + String.join(" | ", instrument.definition.judgements()));
        }
        Programme programme = programmes.findById(editions.findById(enrolment.editionId).programmeId);
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
        assessments.persist(a);
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
        return assessments.ofEnrolment(enrolments.forCase(caller, enrolmentId).id);
    }

    @Transactional
    public Assessment get(Caller caller, UUID id) {
        Assessment a = assessments.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("Assessment", id));
        // an assessment is as visible as its enrolment: hidden or missing, the answer is the same 404
        Enrolment enrolment = enrolments.forCaseOptional(caller, a.enrolmentId)
                .orElseThrow(() -> ProblemException.notFound("Assessment", id));
        participants.auditRead(enrolment.participantId, "assessment " + id);
        return a;
    }

    @Transactional
    public AssessmentComparison compare(Caller caller, UUID id) {
        Assessment current = get(caller, id);
        Assessment previous = assessments.previous(current).orElse(null);
        if (previous == null) {
            return new AssessmentComparison(current.id, null, null, current.assessedOn, null,
                    current.overallJudgement, List.of());
        }
        InstrumentDefinition now = instruments.findById(current.instrumentId).definition;
        InstrumentDefinition then = instruments.findById(previous.instrumentId).definition;
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

    /** Enrolments still running whose latest assessment's re-assessment date has come, soonest first. */
    @Transactional
    public List<AssessmentDue> due(Caller caller, LocalDate asOf) {
        return assessments.due(caller, asOf).stream().map(AssessmentMapper::toView).toList();
    }

    public AssessmentView view(Assessment a) {
        return AssessmentMapper.toView(a, instruments.findById(a.instrumentId));
    }
}
