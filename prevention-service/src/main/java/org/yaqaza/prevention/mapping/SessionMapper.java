package org.yaqaza.prevention.mapping;

import org.yaqaza.prevention.api.AttendanceView;
import org.yaqaza.prevention.api.SessionView;
import org.yaqaza.prevention.model.ProgrammeSession;
import org.yaqaza.prevention.repository.SessionRepository;

public final class SessionMapper {

    private SessionMapper() {
    }

    public static SessionView toView(ProgrammeSession s, String moduleCode) {
        return new SessionView(s.id, s.editionId, s.moduleId, moduleCode, s.heldOn, s.topic, s.facilitator);
    }

    public static AttendanceView toView(SessionRepository.Mark mark) {
        return new AttendanceView(mark.enrolmentId(), mark.participantCode(), mark.status());
    }
}
