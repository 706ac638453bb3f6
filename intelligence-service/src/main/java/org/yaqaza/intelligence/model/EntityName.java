package org.yaqaza.intelligence.model;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/** One name of an entity, raw as written, with its script, type and normalised form (for screening). */
@Embeddable
public class EntityName {

    @Column(nullable = false)
    public String name;

    @Column(nullable = false)
    public String script;

    @Enumerated(EnumType.STRING)
    @Column(name = "name_type", nullable = false)
    public NameType nameType;

    @Column(nullable = false)
    public String normalised;

    public EntityName() {
    }

    public EntityName(String name, String script, NameType nameType, String normalised) {
        this.name = name;
        this.script = script;
        this.nameType = nameType;
        this.normalised = normalised;
    }
}
