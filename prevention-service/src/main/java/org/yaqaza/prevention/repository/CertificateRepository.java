package org.yaqaza.prevention.repository;

import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.yaqaza.prevention.model.Certificate;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class CertificateRepository implements PanacheRepositoryBase<Certificate, UUID> {

    public Optional<Certificate> findByNumber(String number) {
        return find("number", number).firstResultOptional();
    }
}
