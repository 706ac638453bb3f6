package org.yaqaza.prevention.model;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A session of an edition, covering one curriculum module. */
@Entity
@Table(name = "session")
public class ProgrammeSession {

    @Id
    public UUID id;

    @Column(name = "edition_id", nullable = false)
    public UUID editionId;

    @Column(name = "module_id", nullable = false)
    public UUID moduleId;

    @Column(name = "held_on", nullable = false)
    public LocalDate heldOn;

    public String topic;

    public String facilitator;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
