package org.yaqaza.prevention.mapping;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.yaqaza.prevention.api.ContactView;
import org.yaqaza.prevention.api.MilestoneView;
import org.yaqaza.prevention.api.OverdueContact;
import org.yaqaza.prevention.api.ReleaseView;
import org.yaqaza.prevention.api.ReoffenceView;
import org.yaqaza.prevention.model.FollowUpContact;
import org.yaqaza.prevention.model.Milestone;
import org.yaqaza.prevention.model.ReleaseRecord;
import org.yaqaza.prevention.model.Reoffence;
import org.yaqaza.prevention.repository.FollowUpContactRepository;

public final class FollowUpMapper {

    private FollowUpMapper() {
    }

    public static ReleaseView toView(ReleaseRecord r, List<ContactView> contacts) {
        return new ReleaseView(r.id, r.releasedOn, r.institution, r.enrolmentId, r.followUpEndedOn, contacts);
    }

    public static ContactView toView(FollowUpContact c) {
        return new ContactView(c.id, c.releaseId, c.month, c.dueOn, c.doneOn, c.outcome, c.note);
    }

    public static MilestoneView toView(Milestone m) {
        return new MilestoneView(m.id, m.kind, m.achievedOn, m.note);
    }

    public static ReoffenceView toView(Reoffence r) {
        return new ReoffenceView(r.id, r.occurredOn, r.kind, r.legalBasis);
    }

    /** An overdue contact and by how many days, counted to {@code asOf}. */
    public static OverdueContact toView(FollowUpContactRepository.Overdue o, LocalDate asOf) {
        return new OverdueContact(o.contactId(), o.participantCode(), o.month(), o.dueOn(),
                ChronoUnit.DAYS.between(o.dueOn(), asOf));
    }
}
