package org.yaqaza.prevention.mapping;

import org.yaqaza.prevention.api.EditionView;
import org.yaqaza.prevention.api.ModuleView;
import org.yaqaza.prevention.model.CurriculumModule;
import org.yaqaza.prevention.model.Edition;

public final class EditionMapper {

    private EditionMapper() {
    }

    public static ModuleView toView(CurriculumModule m) {
        return new ModuleView(m.id, m.programmeId, m.position, m.code, m.title, m.requiredSessions);
    }

    public static EditionView toView(Edition e, long placesTaken, long waiting) {
        return new EditionView(e.id, e.programmeId, e.name, e.startsOn, e.endsOn, e.capacity, placesTaken, waiting,
                e.version);
    }
}
