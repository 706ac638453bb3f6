package org.yaqaza.liaison.model;

public enum AgreementStatus {
    DRAFT, ACTIVE, SUSPENDED, TERMINATED
}
