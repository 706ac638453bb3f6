package org.yaqaza.prevention.mapping;

import org.yaqaza.prevention.api.AssessmentDue;
import org.yaqaza.prevention.api.AssessmentView;
import org.yaqaza.prevention.api.InstrumentView;
import org.yaqaza.prevention.api.RatingRequest;
import org.yaqaza.prevention.model.Assessment;
import org.yaqaza.prevention.model.Instrument;
import org.yaqaza.prevention.repository.AssessmentRepository;

public final class AssessmentMapper {

    private AssessmentMapper() {
    }

    public static InstrumentView toView(Instrument i) {
        return new InstrumentView(i.id, i.code, i.version, i.title, i.licence, i.definition, i.createdAt);
    }

    /** An assessment with the code and version of the instrument it used. */
    public static AssessmentView toView(Assessment a, Instrument instrument) {
        return new AssessmentView(a.id, a.enrolmentId, a.instrumentId, instrument.code, instrument.version,
                a.assessedOn, a.occasion, a.assessor, a.ratings.stream()
                        .map(r -> new RatingRequest(r.indicator(), r.level(), r.evidence())).toList(),
                a.overallJudgement, a.rationale, a.nextDueOn);
    }

    public static AssessmentDue toView(AssessmentRepository.Due due) {
        return new AssessmentDue(due.enrolmentId(), due.participantCode(), due.lastAssessmentId(), due.dueOn());
    }
}
