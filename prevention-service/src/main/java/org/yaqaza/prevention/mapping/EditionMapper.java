package org.yaqaza.prevention.mapping;

import org.yaqaza.prevention.api.ModuleView;
import org.yaqaza.prevention.model.CurriculumModule;

public final class EditionMapper {

    private EditionMapper() {
    }

    public static ModuleView toView(CurriculumModule m) {
        return new ModuleView(m.id, m.programmeId, m.position, m.code, m.title, m.requiredSessions);
    }
}
