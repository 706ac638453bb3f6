package org.yaqaza.common.security;

import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.PostUpdate;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.yaqaza.common.problem.ProblemException;

/**
 * Every record the visibility rule protects: a classification, need-to-know compartments, an owning agency
 * and the agencies it is shared with. Tables of subclasses must carry the columns below; queries filter on them
 * through {@link Visibility}. The marking is set once by {@link #protect} and changed afterwards only by
 * {@link MarkingAuthority}; a flush that would store any other change fails.
 */
@MappedSuperclass
public abstract class ProtectedRecord {

    /** Compartment and agency codes: upper-case letters, digits and dashes (never a comma, see {@link Caller}). */
    public static final Pattern COMPARTMENT_CODE = Pattern.compile("[A-Z0-9][A-Z0-9-]{0,39}");

    @Id
    public UUID id;

    @Convert(converter = ClassificationConverter.class)
    @Column(nullable = false)
    public Classification classification;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false, columnDefinition = "text[]")
    public String[] compartments = new String[0];

    @Column(name = "owner_agency", nullable = false)
    public String ownerAgency;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "shared_with", nullable = false, columnDefinition = "text[]")
    public String[] sharedWith = new String[0];

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Version
    public long version;

    /** The marking as last read from or written to the database: what a flush may change only through remark. */
    @Transient
    private Marking storedMarking;

    @Transient
    private String storedOwnerAgency;

    /**
     * Fills the protection fields of a new record created at {@code createdAt} (the service's clock); the owner is
     * the creating caller's agency and never changes afterwards. Nobody may mark a record so that they could not
     * see it themselves (422). An existing record's marking changes only through {@link MarkingAuthority}.
     */
    public void protect(Caller creator, Instant createdAt, Classification classification,
            Collection<String> compartments, Collection<String> sharedWith) {
        Marking marking = Marking.of(classification, compartments, sharedWith);
        requireMayMark(creator, marking);
        if (creator.agency() == null) {
            throw ProblemException.unprocessable("No agency", "Your token carries no agency to own the record.");
        }
        this.id = UUID.randomUUID();
        this.ownerAgency = creator.agency();
        this.createdAt = createdAt;
        this.createdBy = creator.subject();
        write(marking);
    }

    /** Nobody may mark a record above their own clearance or in a compartment they do not hold: 422. */
    public static void requireMayMark(Caller editor, Marking marking) {
        if (!editor.clearance().dominates(marking.classification())) {
            throw ProblemException.unprocessable("Classification above clearance",
                    "You cannot mark a record above your own clearance.");
        }
        if (!editor.compartments().containsAll(marking.compartments())) {
            throw ProblemException.unprocessable("Compartment not held",
                    "You can only mark records with compartments you hold.");
        }
    }

    /** Sets the marking of an existing record: {@link MarkingAuthority} decides whether it may. */
    void remark(Marking marking) {
        write(marking);
        storedMarking = marking;
    }

    private void write(Marking marking) {
        this.classification = marking.classification();
        this.compartments = marking.compartments().toArray(String[]::new);
        this.sharedWith = marking.sharedWith().toArray(String[]::new);
    }

    @PostLoad
    @PostPersist
    @PostUpdate
    void rememberStoredMarking() {
        storedMarking = Marking.of(this);
        storedOwnerAgency = ownerAgency;
    }

    /**
     * The last line of defence: a marking assigned field by field, or an owner changed, never reaches the database.
     * A service bug, so a 500, never a silent declassification.
     */
    @PreUpdate
    void refuseMarkingChangeOutsideTheAuthority() {
        if (storedMarking == null) {
            return;
        }
        if (!storedOwnerAgency.equals(ownerAgency)) {
            throw new IllegalStateException("the owning agency of " + getClass().getSimpleName() + " " + id
                    + " never changes");
        }
        if (!storedMarking.equals(Marking.of(this))) {
            throw new IllegalStateException("the marking of " + getClass().getSimpleName() + " " + id
                    + " changed outside MarkingAuthority");
        }
    }

    public Classification getClassification() {
        return classification;
    }

    public String getOwnerAgency() {
        return ownerAgency;
    }

    public Set<String> compartmentSet() {
        return new TreeSet<>(Arrays.asList(compartments));
    }

    public Set<String> sharedWithSet() {
        return new TreeSet<>(Arrays.asList(sharedWith));
    }

    /**
     * Whether everyone who may read {@code other} may read this record too (no higher classification, no
     * compartment {@code other} lacks, every agency reading {@code other} reading this one): only then may
     * something marked like {@code other} — an alert, a summary — say anything about this record.
     */
    public boolean readableByEveryReaderOf(ProtectedRecord other) {
        Set<String> readingAgencies = new TreeSet<>(sharedWithSet());
        readingAgencies.add(ownerAgency);
        Set<String> otherAgencies = new TreeSet<>(other.sharedWithSet());
        otherAgencies.add(other.ownerAgency);
        return other.classification.dominates(classification) && other.compartmentSet().containsAll(compartmentSet())
                && readingAgencies.containsAll(otherAgencies);
    }

}
