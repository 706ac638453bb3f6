package org.yaqaza.intelligence.model;

/** How a report was collected. SIGINT and TECHINT are intrusive and need a legal authorisation. */
public enum SourceType {
    HUMINT, OSINT, SIGINT, TECHINT, FININT, PARTNER;

    public boolean intrusive() {
        return this == SIGINT || this == TECHINT;
    }
}
