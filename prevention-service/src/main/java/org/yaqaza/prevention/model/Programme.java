package org.yaqaza.prevention.model;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import org.yaqaza.common.security.ProtectedRecord;

/** A prevention or rehabilitation programme run by an institution (a prison, a council of ulema...). */
@Entity
@Table(name = "programme")
public class Programme extends ProtectedRecord {

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ProgrammeKind kind;

    @Column(nullable = false)
    public String name;

    public String institution;

    @Column(nullable = false)
    public String region;

    @Column(nullable = false)
    public int capacity;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
