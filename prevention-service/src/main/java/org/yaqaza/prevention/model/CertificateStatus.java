package org.yaqaza.prevention.model;

/** What a validity lookup answers; UNKNOWN for a number the registry does not hold. */
public enum CertificateStatus {
    VALID, EXPIRED, REVOKED, UNKNOWN
}
