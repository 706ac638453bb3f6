package org.yaqaza.prevention.mapping;

import org.yaqaza.prevention.api.HandoverPackage;
import org.yaqaza.prevention.api.HandoverView;
import org.yaqaza.prevention.api.Identity;
import org.yaqaza.prevention.api.ReferralStatus;
import org.yaqaza.prevention.api.ReferralView;
import org.yaqaza.prevention.model.Handover;
import org.yaqaza.prevention.model.Referral;

public final class ReferralMapper {

    private ReferralMapper() {
    }

    /** What the referring agency sees: whether its referral was taken up, nothing about the person. */
    public static ReferralStatus toStatus(Referral r) {
        return new ReferralStatus(r.id, r.status, r.createdAt, r.decidedAt);
    }

    /** What prevention staff see; {@code participantCode} once an approval created the participant. */
    public static ReferralView toView(Referral r, String participantCode) {
        return new ReferralView(r.id, r.referringAgency, r.referredBy, r.programmeKind, r.region, r.purpose,
                r.summary, r.status, r.decidedBy, r.decidedAt, r.decisionReason, participantCode, r.createdAt);
    }

    public static HandoverView toView(Handover h, String participantCode) {
        return new HandoverView(h.id, participantCode, h.recipientAgency, h.purpose, h.legalBasis,
                h.includeIdentity, h.status, h.requestedBy, h.decidedBy, h.decidedAt, h.decisionReason, h.createdAt);
    }

    /** What the recipient agency receives once approved; {@code identity} only when the handover includes it. */
    public static HandoverPackage toPackage(Handover h, String participantCode, Identity identity) {
        return new HandoverPackage(h.id, h.purpose, h.legalBasis, h.summary, participantCode, identity,
                h.decidedBy, h.decidedAt);
    }
}
