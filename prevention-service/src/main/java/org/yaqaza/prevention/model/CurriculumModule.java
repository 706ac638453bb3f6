package org.yaqaza.prevention.model;

import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One module of a programme's curriculum; completion is measured against its required sessions. */
@Entity
@Table(name = "curriculum_module")
public class CurriculumModule {

    @Id
    public UUID id;

    @Column(name = "programme_id", nullable = false)
    public UUID programmeId;

    @Column(nullable = false)
    public int position;

    @Column(nullable = false)
    public String code;

    @Column(nullable = false)
    public String title;

    @Column(name = "required_sessions", nullable = false)
    public int requiredSessions;
}
