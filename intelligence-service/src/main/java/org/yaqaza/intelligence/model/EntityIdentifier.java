package org.yaqaza.intelligence.model;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** An identifier of a person or organisation: passport, national id, phone, registration number... */
@Embeddable
public class EntityIdentifier {

    @Column(name = "id_type", nullable = false)
    public String type;

    @Column(nullable = false)
    public String value;

    public String country;

    public EntityIdentifier() {
    }

    public EntityIdentifier(String type, String value, String country) {
        this.type = type;
        this.value = value;
        this.country = country;
    }
}
