package org.yaqaza.prevention.model;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A release from prison, the origin of follow-up and of time-to-re-offence. */
@Entity
@Table(name = "release_record")
public class ReleaseRecord {

    @Id
    public UUID id;

    @Column(name = "participant_id", nullable = false)
    public UUID participantId;

    /** The programme enrolment this release follows, which is what evaluation attributes it to. */
    @Column(name = "enrolment_id")
    public UUID enrolmentId;

    @Column(name = "released_on", nullable = false)
    public LocalDate releasedOn;

    public String institution;

    @Column(name = "follow_up_ended_on")
    public LocalDate followUpEndedOn;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
