package org.yaqaza.prevention.model;

/** What a programme does; PRISON_RECONCILIATION follows the Moussalaha model. */
public enum ProgrammeKind {
    IMAM_TRAINING, PREACHER_TRAINING, OUTREACH_CAMPAIGN, PRISON_RECONCILIATION, POST_RELEASE_REINTEGRATION,
    YOUTH_OUTREACH
}
