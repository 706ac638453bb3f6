package org.yaqaza.prevention.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.yaqaza.prevention.model.ContentItem;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class ContentItemRepository implements PanacheRepositoryBase<ContentItem, UUID> {

    public List<ContentItem> ofCampaign(UUID campaignId) {
        return list("campaignId = ?1 order by title", campaignId);
    }
}
