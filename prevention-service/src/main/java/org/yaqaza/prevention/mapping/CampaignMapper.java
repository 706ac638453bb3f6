package org.yaqaza.prevention.mapping;

import java.util.List;

import org.yaqaza.prevention.api.CampaignView;
import org.yaqaza.prevention.api.ContentView;
import org.yaqaza.prevention.api.ReachTotal;
import org.yaqaza.prevention.model.Campaign;
import org.yaqaza.prevention.model.ContentItem;
import org.yaqaza.prevention.repository.ReachFigureRepository;

public final class CampaignMapper {

    private CampaignMapper() {
    }

    public static CampaignView toView(Campaign c) {
        return new CampaignView(c.id, c.programmeId, c.name, c.startsOn, c.endsOn, List.of(c.regions),
                List.of(c.channels));
    }

    public static ContentView toView(ContentItem i) {
        return new ContentView(i.id, i.title, i.language, i.medium);
    }

    public static ReachTotal toView(ReachFigureRepository.Total t) {
        return new ReachTotal(t.region(), t.month(), t.reach(), t.engagements());
    }
}
