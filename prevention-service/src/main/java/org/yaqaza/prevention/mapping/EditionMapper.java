package org.yaqaza.prevention.mapping;

import org.yaqaza.prevention.api.EditionApi;
import org.yaqaza.prevention.model.CurriculumModule;

public final class EditionMapper {

    private EditionMapper() {
    }

    public static EditionApi.ModuleView toView(CurriculumModule m) {
        return new EditionApi.ModuleView(m.id, m.programmeId, m.position, m.code, m.title, m.requiredSessions);
    }
}
