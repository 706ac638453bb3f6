package org.yaqaza.common.marking;

import java.time.Instant;
import java.util.Arrays;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.yaqaza.common.security.Classification;
import org.yaqaza.common.security.ClassificationConverter;
import org.yaqaza.common.security.Marking;
import org.yaqaza.common.security.ProtectedRecord;

/**
 * A request to change the marking of one protected record of the service ({@code objectType} + {@code objectId}).
 * The request is itself protected by the record's marking at request time (raised with the record afterwards, never
 * lowered), so whoever cannot see the record cannot see that a request exists. {@code createdBy}/{@code createdAt}
 * are who asked and when. Rows are never deleted: they are the history of the record's marking.
 */
@Entity
@Table(name = "marking_request")
public class MarkingRequest extends ProtectedRecord {

    @Column(name = "object_type", nullable = false)
    public String objectType;

    @Column(name = "object_id", nullable = false)
    public UUID objectId;

    /** The record's version when the request was made: approval applies only to that version. */
    @Column(name = "object_version", nullable = false)
    public long objectVersion;

    @Convert(converter = ClassificationConverter.class)
    @Column(name = "from_classification", nullable = false)
    public Classification fromClassification;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "from_compartments", nullable = false, columnDefinition = "text[]")
    public String[] fromCompartments = new String[0];

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "from_shared_with", nullable = false, columnDefinition = "text[]")
    public String[] fromSharedWith = new String[0];

    @Convert(converter = ClassificationConverter.class)
    @Column(name = "to_classification", nullable = false)
    public Classification toClassification;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "to_compartments", nullable = false, columnDefinition = "text[]")
    public String[] toCompartments = new String[0];

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "to_shared_with", nullable = false, columnDefinition = "text[]")
    public String[] toSharedWith = new String[0];

    @Column(nullable = false)
    public String reason;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public MarkingRequestStatus status;

    @Column(name = "decided_by")
    public String decidedBy;

    @Column(name = "decided_at")
    public Instant decidedAt;

    @Column(name = "decision_note")
    public String decisionNote;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    public Marking from() {
        return Marking.of(fromClassification, Arrays.asList(fromCompartments), Arrays.asList(fromSharedWith));
    }

    public Marking to() {
        return Marking.of(toClassification, Arrays.asList(toCompartments), Arrays.asList(toSharedWith));
    }

    void change(Marking from, Marking to) {
        fromClassification = from.classification();
        fromCompartments = from.compartments().toArray(String[]::new);
        fromSharedWith = from.sharedWith().toArray(String[]::new);
        toClassification = to.classification();
        toCompartments = to.compartments().toArray(String[]::new);
        toSharedWith = to.sharedWith().toArray(String[]::new);
    }
}
