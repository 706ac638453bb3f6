package org.yaqaza.prevention.model;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A follow-up contact due 3, 6, 12 or 24 months after release. */
@Entity
@Table(name = "follow_up_contact")
public class FollowUpContact {

    @Id
    public UUID id;

    @Column(name = "release_id", nullable = false)
    public UUID releaseId;

    @Column(nullable = false)
    public int month;

    @Column(name = "due_on", nullable = false)
    public LocalDate dueOn;

    @Column(name = "done_on")
    public LocalDate doneOn;

    public String outcome;

    public String note;
}
