package org.yaqaza.prevention.api;

import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

import org.yaqaza.prevention.model.EnrolmentState;

public record EnrolmentView(UUID id, UUID editionId, String participantCode, EnrolmentState state,
        Set<EnrolmentState> allowedNext, boolean voluntary, UUID referralId, LocalDate appliedOn,
        LocalDate enrolledOn, LocalDate endedOn, Integer waitingPosition, long version) {
}
