package org.yaqaza.prevention.model;

import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "content_item")
public class ContentItem {

    @Id
    public UUID id;

    @Column(name = "campaign_id", nullable = false)
    public UUID campaignId;

    @Column(nullable = false)
    public String title;

    @Column(nullable = false)
    public String language;

    @Column(nullable = false)
    public String medium;
}
