package org.yaqaza.prevention.model;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "certificate_renewal")
public class CertificateRenewal {

    @Id
    public UUID id;

    @Column(name = "certificate_id", nullable = false)
    public UUID certificateId;

    @Column(name = "renewed_on", nullable = false)
    public LocalDate renewedOn;

    @Column(name = "previous_expiry", nullable = false)
    public LocalDate previousExpiry;

    @Column(name = "new_expiry", nullable = false)
    public LocalDate newExpiry;

    @Column(name = "renewed_by", nullable = false)
    public String renewedBy;
}
