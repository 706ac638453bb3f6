package org.yaqaza.prevention.service;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.yaqaza.common.audit.AuditTrail;
import org.yaqaza.common.problem.ProblemException;
import org.yaqaza.common.security.Caller;
import org.yaqaza.prevention.api.CampaignRequest;
import org.yaqaza.prevention.api.ContentRequest;
import org.yaqaza.prevention.api.ReachRequest;
import org.yaqaza.prevention.api.ReachTotal;
import org.yaqaza.prevention.mapping.CampaignMapper;
import org.yaqaza.prevention.model.Campaign;
import org.yaqaza.prevention.model.ContentItem;
import org.yaqaza.prevention.model.Programme;
import org.yaqaza.prevention.model.ProgrammeKind;
import org.yaqaza.prevention.model.ReachFigure;
import org.yaqaza.prevention.repository.CampaignRepository;
import org.yaqaza.prevention.repository.ContentItemRepository;
import org.yaqaza.prevention.repository.ReachFigureRepository;

/** Outreach campaigns of outreach programmes, and reach totals by region and month. */
@ApplicationScoped
public class CampaignService {

    private final ProgrammeService programmes;
    private final CampaignRepository campaigns;
    private final ContentItemRepository content;
    private final ReachFigureRepository reachFigures;
    private final AuditTrail audit;
    private final Clock clock;

    public CampaignService(ProgrammeService programmes, CampaignRepository campaigns, ContentItemRepository content,
            ReachFigureRepository reachFigures, AuditTrail audit, Clock clock) {
        this.programmes = programmes;
        this.campaigns = campaigns;
        this.content = content;
        this.reachFigures = reachFigures;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public Campaign create(Caller caller, UUID programmeId, CampaignRequest request) {
        Programme programme = programmes.forWrite(caller, programmeId);
        if (programme.kind != ProgrammeKind.OUTREACH_CAMPAIGN && programme.kind != ProgrammeKind.YOUTH_OUTREACH) {
            throw ProblemException.unprocessable("Not an outreach programme",
                    "Campaigns belong to OUTREACH_CAMPAIGN or YOUTH_OUTREACH programmes.");
        }
        if (request.endsOn() != null && request.endsOn().isBefore(request.startsOn())) {
            throw ProblemException.unprocessable("Invalid dates", "endsOn is before startsOn.");
        }
        Campaign c = new Campaign();
        c.id = UUID.randomUUID();
        c.programmeId = programme.id;
        c.name = request.name();
        c.startsOn = request.startsOn();
        c.endsOn = request.endsOn();
        c.regions = request.regions() == null ? new String[0] : request.regions().toArray(String[]::new);
        c.channels = request.channels() == null ? new String[0] : request.channels().toArray(String[]::new);
        c.createdAt = clock.instant();
        campaigns.persist(c);
        audit.record("CREATE", "campaign", c.id, programme.classification, c.name);
        return c;
    }

    @Transactional
    public Campaign get(Caller caller, UUID id) {
        return campaigns.getVisible(caller, id);
    }

    @Transactional
    public List<Campaign> ofProgramme(Caller caller, UUID programmeId) {
        return campaigns.ofProgramme(programmes.visible(caller, programmeId).id);
    }

    @Transactional
    public ContentItem addContent(Caller caller, UUID campaignId, ContentRequest request) {
        Campaign c = campaigns.getVisible(caller, campaignId);
        ContentItem item = new ContentItem();
        item.id = UUID.randomUUID();
        item.campaignId = c.id;
        item.title = request.title();
        item.language = request.language();
        item.medium = request.medium();
        content.persist(item);
        audit.record("CREATE", "content-item", item.id, null, "campaign " + c.id);
        return item;
    }

    @Transactional
    public List<ContentItem> content(Caller caller, UUID campaignId) {
        return content.ofCampaign(campaigns.getVisible(caller, campaignId).id);
    }

    @Transactional
    public ReachFigure reach(Caller caller, UUID campaignId, ReachRequest request) {
        Campaign c = campaigns.getVisible(caller, campaignId);
        if (request.contentItemId() != null && content.findByIdOptional(request.contentItemId())
                .filter(item -> item.campaignId.equals(c.id)).isEmpty()) {
            throw ProblemException.unprocessable("Unknown content item",
                    "contentItemId is not content of this campaign.");
        }
        ReachFigure f = new ReachFigure();
        f.id = UUID.randomUUID();
        f.campaignId = c.id;
        f.contentItemId = request.contentItemId();
        f.channel = request.channel();
        f.region = request.region();
        f.reportedOn = request.reportedOn();
        f.reach = request.reach();
        f.engagements = request.engagements() == null ? 0 : request.engagements();
        reachFigures.persist(f);
        audit.record("CREATE", "reach-figure", f.id, null, "campaign " + c.id);
        return f;
    }

    /** Totals by region and month over campaigns of programmes the caller may see (one campaign or all). */
    @Transactional
    public List<ReachTotal> totals(Caller caller, UUID campaignId, LocalDate from, LocalDate to) {
        if (campaignId != null) {
            campaigns.getVisible(caller, campaignId);
        }
        return reachFigures.totals(caller, campaignId, from, to).stream().map(CampaignMapper::toView).toList();
    }
}
