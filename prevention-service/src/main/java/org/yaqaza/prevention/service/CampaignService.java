package org.yaqaza.prevention.service;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.yaqaza.common.audit.AuditTrail;
import org.yaqaza.common.persistence.Sql;
import org.yaqaza.common.problem.ProblemException;
import org.yaqaza.common.security.Caller;
import org.yaqaza.common.security.Visibility;
import org.yaqaza.prevention.api.CampaignRequest;
import org.yaqaza.prevention.api.ContentRequest;
import org.yaqaza.prevention.api.ReachRequest;
import org.yaqaza.prevention.api.ReachTotal;
import org.yaqaza.prevention.model.Campaign;
import org.yaqaza.prevention.model.ContentItem;
import org.yaqaza.prevention.model.Programme;
import org.yaqaza.prevention.model.ProgrammeKind;
import org.yaqaza.prevention.model.ReachFigure;

/** Outreach campaigns of outreach programmes, and reach totals by region and month. */
@ApplicationScoped
public class CampaignService {

    private final ProgrammeService programmes;
    private final AuditTrail audit;
    private final EntityManager em;
    private final Clock clock;

    public CampaignService(ProgrammeService programmes, AuditTrail audit, EntityManager em, Clock clock) {
        this.programmes = programmes;
        this.audit = audit;
        this.em = em;
        this.clock = clock;
    }

    @Transactional
    public Campaign create(Caller caller, UUID programmeId, CampaignRequest request) {
        Programme programme = programmes.visible(caller, programmeId);
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
        em.persist(c);
        audit.record("CREATE", "campaign", c.id, programme.classification, c.name);
        return c;
    }

    Campaign visible(Caller caller, UUID id) {
        Campaign c = em.find(Campaign.class, id);
        if (c == null) {
            throw ProblemException.notFound("Campaign", id);
        }
        try {
            programmes.visible(caller, c.programmeId);
        } catch (ProblemException hidden) {
            throw ProblemException.notFound("Campaign", id);
        }
        return c;
    }

    @Transactional
    public Campaign get(Caller caller, UUID id) {
        return visible(caller, id);
    }

    @Transactional
    public List<Campaign> ofProgramme(Caller caller, UUID programmeId) {
        Programme programme = programmes.visible(caller, programmeId);
        return em.createQuery("from Campaign where programmeId = :p order by startsOn", Campaign.class)
                .setParameter("p", programme.id).getResultList();
    }

    @Transactional
    public ContentItem addContent(Caller caller, UUID campaignId, ContentRequest request) {
        Campaign c = visible(caller, campaignId);
        ContentItem item = new ContentItem();
        item.id = UUID.randomUUID();
        item.campaignId = c.id;
        item.title = request.title();
        item.language = request.language();
        item.medium = request.medium();
        em.persist(item);
        audit.record("CREATE", "content-item", item.id, null, "campaign " + c.id);
        return item;
    }

    @Transactional
    public List<ContentItem> content(Caller caller, UUID campaignId) {
        Campaign c = visible(caller, campaignId);
        return em.createQuery("from ContentItem where campaignId = :c order by title", ContentItem.class)
                .setParameter("c", c.id).getResultList();
    }

    @Transactional
    public ReachFigure reach(Caller caller, UUID campaignId, ReachRequest request) {
        Campaign c = visible(caller, campaignId);
        if (request.contentItemId() != null) {
            ContentItem item = em.find(ContentItem.class, request.contentItemId());
            if (item == null || !item.campaignId.equals(c.id)) {
                throw ProblemException.unprocessable("Unknown content item",
                        "contentItemId is not content of this campaign.");
            }
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
        em.persist(f);
        audit.record("CREATE", "reach-figure", f.id, null, "campaign " + c.id);
        return f;
    }

    /** Totals by region and month over campaigns of programmes the caller may see (one campaign or all). */
    @Transactional
    public List<ReachTotal> totals(Caller caller, UUID campaignId, LocalDate from, LocalDate to) {
        Map<String, Object> params = new HashMap<>(Visibility.parameters(caller));
        StringBuilder sql = new StringBuilder("select f.region, to_char(date_trunc('month', f.reported_on),"
                + " 'YYYY-MM'), sum(f.reach), sum(f.engagements) from reach_figure f join campaign c on"
                + " c.id = f.campaign_id join programme p on p.id = c.programme_id where ")
                .append(Visibility.sqlPredicate("p"));
        if (campaignId != null) {
            visible(caller, campaignId);
            sql.append(" and c.id = :campaign");
            params.put("campaign", campaignId);
        }
        if (from != null) {
            sql.append(" and f.reported_on >= :from");
            params.put("from", from);
        }
        if (to != null) {
            sql.append(" and f.reported_on < :to");
            params.put("to", to);
        }
        var query = em.createNativeQuery(sql.append(" group by 1, 2 order by 2, 1").toString());
        params.forEach(query::setParameter);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        return rows.stream().map(r -> new ReachTotal((String) r[0], (String) r[1], Sql.number(r[2]),
                Sql.number(r[3]))).toList();
    }
}
