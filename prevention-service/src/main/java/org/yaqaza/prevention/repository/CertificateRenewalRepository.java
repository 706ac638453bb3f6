package org.yaqaza.prevention.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.yaqaza.prevention.model.CertificateRenewal;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class CertificateRenewalRepository implements PanacheRepositoryBase<CertificateRenewal, UUID> {

    public List<CertificateRenewal> ofCertificate(UUID certificateId) {
        return list("certificateId = ?1 order by renewedOn", certificateId);
    }
}
