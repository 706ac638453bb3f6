package org.yaqaza.prevention.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.yaqaza.prevention.model.CurriculumModule;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class CurriculumModuleRepository implements PanacheRepositoryBase<CurriculumModule, UUID> {

    public List<CurriculumModule> ofProgramme(UUID programmeId) {
        return list("programmeId = ?1 order by position, code", programmeId);
    }
}
