package org.yaqaza.prevention.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.yaqaza.prevention.model.Instrument;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

/** Instruments are reference data (no personal data): no visibility rule applies to them. */
@ApplicationScoped
public class InstrumentRepository implements PanacheRepositoryBase<Instrument, UUID> {

    public List<Instrument> allVersions() {
        return list("order by code, version");
    }

    /** The highest version of an instrument code, or 0 when the code is new. */
    public int latestVersion(String code) {
        Integer latest = getEntityManager().createQuery("select max(i.version) from Instrument i where i.code = :c",
                Integer.class).setParameter("c", code).getSingleResult();
        return latest == null ? 0 : latest;
    }
}
