package org.yaqaza.intelligence.model;

import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** A report names an entity. Visible only when both the report and the entity are. */
@Entity
@Table(name = "mention")
@IdClass(Mention.Key.class)
public class Mention {

    @Id
    @Column(name = "report_id")
    public UUID reportId;

    @Id
    @Column(name = "entity_id")
    public UUID entityId;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    /** Composite key. */
    public static class Key implements Serializable {
        public UUID reportId;
        public UUID entityId;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && java.util.Objects.equals(reportId, k.reportId)
                    && java.util.Objects.equals(entityId, k.entityId);
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(reportId, entityId);
        }
    }
}
