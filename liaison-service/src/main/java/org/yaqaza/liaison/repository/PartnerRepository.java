package org.yaqaza.liaison.repository;

import jakarta.enterprise.context.ApplicationScoped;

import org.yaqaza.common.persistence.VisibleRepository;
import org.yaqaza.liaison.model.Partner;

@ApplicationScoped
public class PartnerRepository implements VisibleRepository<Partner> {

    public boolean codeTaken(String code) {
        return count("code", code) > 0;
    }
}
