package org.yaqaza.prevention.api;

import java.util.List;

public record FollowUpView(String participantCode, List<ReleaseView> releases, List<MilestoneView> milestones,
        List<ReoffenceView> reoffences) {
}
