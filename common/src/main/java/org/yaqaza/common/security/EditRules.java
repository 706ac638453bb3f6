package org.yaqaza.common.security;

import java.util.List;
import java.util.Objects;
import java.util.function.BooleanSupplier;

import org.yaqaza.common.problem.Problem;
import org.yaqaza.common.problem.ProblemException;

/**
 * Who may change the content of a protected record, the same in every service ("Who may change what" in
 * docs/security-model.md): users of the owning agency only; a collector only records they created, and only
 * until someone else has used them; provenance never. Markings have their own rule ({@link MarkingAuthority}).
 * Each refusal has its own problem type, so a client can tell them apart.
 */
public final class EditRules {

    public static final String OWNER_AGENCY_ONLY = "urn:yaqaza:problem:owner-agency-only";
    public static final String COLLECTOR_EDIT_WINDOW = "urn:yaqaza:problem:collector-edit-window";
    public static final String PROVENANCE_IMMUTABLE = "urn:yaqaza:problem:provenance-immutable";

    private EditRules() {
    }

    /** A provenance field of a record: its stored value and the value a change asks for (null: keep). */
    public record ProvenanceField(String name, Object stored, Object requested) {

        boolean changed() {
            return requested != null && !Objects.equals(stored, requested);
        }
    }

    /**
     * 403 unless the editor belongs to the record's owning agency: an agency a record is shared with reads it,
     * never writes it.
     */
    public static void requireOwnerAgency(Caller editor, ProtectedRecord record, String what) {
        if (editor.agency() == null || !editor.agency().equals(record.ownerAgency)) {
            throw new ProblemException(403, OWNER_AGENCY_ONLY, "Owner agency only",
                    "Only users of " + record.ownerAgency + ", the agency that owns this " + what
                            + ", may change it; an agency it is shared with may read it.", null, null);
        }
    }

    /**
     * 403 when the editor works as a collector (no analyst or supervisor role) and the record is not theirs, or
     * {@code used} says someone else has built on it already (a report cited by a product, for instance). The
     * refusal says only that the record was used, never by what.
     */
    public static void requireCollectorWindow(Caller editor, ProtectedRecord record, BooleanSupplier used,
            String what) {
        if (!editor.hasRole(Role.COLLECTOR) || editor.hasAnyRole(Role.ANALYST, Role.SUPERVISOR)) {
            return;
        }
        if (!editor.subject().equals(record.createdBy)) {
            throw collectorRefusal("A collector changes only the " + what + "s they created.");
        }
        if (used.getAsBoolean()) {
            throw collectorRefusal("This " + what + " has been used by an analyst since you filed it; an analyst"
                    + " or supervisor of your agency may still change it.");
        }
    }

    /** Both rules above: what every content change of an existing record checks first. */
    public static void requireContentEdit(Caller editor, ProtectedRecord record, BooleanSupplier used,
            String what) {
        requireOwnerAgency(editor, record, what);
        requireCollectorWindow(editor, record, used, what);
    }

    /**
     * 422 listing every provenance field the change would rewrite. Provenance is what the record was created with:
     * a field left out of the change keeps its value, the same value is no change, anything else is refused.
     */
    public static void requireProvenanceKept(String what, ProvenanceField... fields) {
        List<Problem.FieldError> changed = java.util.Arrays.stream(fields).filter(ProvenanceField::changed)
                .map(f -> new Problem.FieldError(f.name(), "is provenance: it keeps "
                        + (f.stored() == null ? "no value" : "the value " + f.stored())))
                .toList();
        if (!changed.isEmpty()) {
            throw new ProblemException(422, PROVENANCE_IMMUTABLE, "Provenance is write-once",
                    "Where a " + what + " came from never changes once it is recorded; file a new " + what
                            + " for other material.", changed, null);
        }
    }

    private static ProblemException collectorRefusal(String detail) {
        return new ProblemException(403, COLLECTOR_EDIT_WINDOW, "Collector edit window closed", detail, null, null);
    }
}
