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
import jakarta.persistence.Version;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.yaqaza.common.problem.ProblemException;

/**
 * Every record the visibility rule protects: a classification, need-to-know compartments, an owning agency
 * and the agencies it is shared with. Tables of subclasses must carry the columns below; queries filter on them
 * through {@link Visibility}.
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

    /**
     * Fills the protection fields of a new record created at {@code createdAt} (the service's clock); the owner is
     * the creating caller's agency.
     */
    public void protect(Caller creator, Instant createdAt, Classification classification,
            Collection<String> compartments, Collection<String> sharedWith) {
        this.id = UUID.randomUUID();
        this.ownerAgency = creator.agency();
        this.createdAt = createdAt;
        this.createdBy = creator.subject();
        reprotect(creator, classification, compartments, sharedWith);
    }

    /**
     * Changes the marking of a record. Nobody may mark a record so that they could not see it themselves:
     * above their clearance, or in a compartment they do not hold (422).
     */
    public void reprotect(Caller editor, Classification classification, Collection<String> compartments,
            Collection<String> sharedWith) {
        if (!editor.clearance().dominates(classification)) {
            throw ProblemException.unprocessable("Classification above clearance",
                    "You cannot mark a record above your own clearance.");
        }
        if (compartments != null && !editor.compartments().containsAll(compartments)) {
            throw ProblemException.unprocessable("Compartment not held",
                    "You can only mark records with compartments you hold.");
        }
        if (editor.agency() == null) {
            throw ProblemException.unprocessable("No agency", "Your token carries no agency to own the record.");
        }
        this.classification = classification;
        this.compartments = sorted(compartments);
        this.sharedWith = sorted(sharedWith);
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

    private static String[] sorted(Collection<String> values) {
        return values == null ? new String[0] : new TreeSet<>(values).toArray(String[]::new);
    }
}
