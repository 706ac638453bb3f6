package org.yaqaza.prevention.model;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "reach_figure")
public class ReachFigure {

    @Id
    public UUID id;

    @Column(name = "campaign_id", nullable = false)
    public UUID campaignId;

    @Column(name = "content_item_id")
    public UUID contentItemId;

    @Column(nullable = false)
    public String channel;

    @Column(nullable = false)
    public String region;

    @Column(name = "reported_on", nullable = false)
    public LocalDate reportedOn;

    @Column(nullable = false)
    public long reach;

    @Column(nullable = false)
    public long engagements;
}
