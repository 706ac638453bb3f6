package org.yaqaza.prevention.mapping;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.yaqaza.prevention.api.ConsentView;
import org.yaqaza.prevention.api.Identity;
import org.yaqaza.prevention.api.IdentityView;
import org.yaqaza.prevention.api.ParticipantView;
import org.yaqaza.prevention.model.Consent;
import org.yaqaza.prevention.model.ConsentScope;
import org.yaqaza.prevention.model.Participant;

public final class ParticipantMapper {

    private ParticipantMapper() {
    }

    /** The code and the state of each consent scope; never the identity. */
    public static ParticipantView toView(Participant p, Map<ConsentScope, String> consent) {
        return new ParticipantView(p.code, p.classification, List.of(p.compartments), p.ownerAgency, p.createdAt,
                p.anonymisedAt != null, consent, p.id, List.of(p.sharedWith), p.version);
    }

    /** A disclosed identity, with the purpose it was disclosed for. */
    public static IdentityView toView(String code, Identity identity, String purpose, Instant disclosedAt) {
        return new IdentityView(code, identity.fullNameAr(), identity.fullNameLatin(), identity.nationalId(),
                identity.birthDate(), purpose, disclosedAt);
    }

    public static ConsentView toView(Consent c) {
        return new ConsentView(c.id, c.scope, c.givenOn, c.recordedBy, c.note, c.withdrawnOn,
                c.withdrawalRecordedBy);
    }
}
