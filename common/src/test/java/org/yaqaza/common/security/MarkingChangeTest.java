package org.yaqaza.common.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.yaqaza.common.problem.ProblemException;

/** Which way a marking change goes, aspect by aspect, and how it reads in the audit trail. */
class MarkingChangeTest {

    private static final Marking SECRET_NORTH = marking(Classification.SECRET, List.of("CT-NORTH"), List.of("DGED"));

    private static Marking marking(Classification classification, List<String> compartments,
            List<String> sharedWith) {
        return Marking.of(classification, compartments, sharedWith);
    }

    private static MarkingChange to(Classification classification, String[] compartments, String... sharedWith) {
        return new MarkingChange(SECRET_NORTH, marking(classification, Arrays.asList(compartments),
                Arrays.asList(sharedWith)));
    }

    private static String[] comps(String... codes) {
        return codes;
    }

    private static List<String> fields(List<MarkingChange.Step> steps) {
        return steps.stream().map(MarkingChange.Step::field).toList();
    }

    @Test
    void theSameMarkingInAnotherOrderIsNoChange() {
        Marking a = marking(Classification.SECRET, List.of("CT-SOUTH", "CT-NORTH"), List.of("MHAI", "DGED"));
        Marking b = marking(Classification.SECRET, List.of("CT-NORTH", "CT-SOUTH"), List.of("DGED", "MHAI"));
        MarkingChange change = new MarkingChange(a, b);
        assertEquals(MarkingChange.Kind.UNCHANGED, change.kind());
        assertEquals(List.of(), change.lowerings());
        assertEquals(List.of(), change.raisings());
        assertEquals(MarkingChange.Kind.UNCHANGED, new MarkingChange(marking(Classification.RESTRICTED, null, null),
                marking(Classification.RESTRICTED, List.of(), List.of())).kind());
    }

    @Test
    void aLowerClassificationLowers() {
        MarkingChange change = to(Classification.CONFIDENTIAL, comps("CT-NORTH"), "DGED");
        assertEquals(MarkingChange.Kind.LOWER, change.kind());
        assertEquals(List.of(new MarkingChange.Step("classification", "classification SECRET -> CONFIDENTIAL")),
                change.lowerings());
        assertEquals(List.of(), change.raisings());
    }

    @Test
    void aHigherClassificationRaises() {
        MarkingChange change = to(Classification.TOP_SECRET, comps("CT-NORTH"), "DGED");
        assertEquals(MarkingChange.Kind.RAISE, change.kind());
        assertEquals(List.of("classification"), fields(change.raisings()));
        assertEquals(List.of(), change.lowerings());
    }

    @Test
    void aRemovedCompartmentLowersAnAddedOneRaises() {
        MarkingChange removed = to(Classification.SECRET, comps(), "DGED");
        assertEquals(MarkingChange.Kind.LOWER, removed.kind());
        assertEquals(List.of(new MarkingChange.Step("compartments", "compartments removed [CT-NORTH]")),
                removed.lowerings());

        MarkingChange added = to(Classification.SECRET, comps("CT-NORTH", "CT-SOUTH"), "DGED");
        assertEquals(MarkingChange.Kind.RAISE, added.kind());
        assertEquals(List.of(new MarkingChange.Step("compartments", "compartments added [CT-SOUTH]")),
                added.raisings());
    }

    @Test
    void widerSharingLowersNarrowerSharingRaises() {
        MarkingChange wider = to(Classification.SECRET, comps("CT-NORTH"), "DGED", "MHAI");
        assertEquals(MarkingChange.Kind.LOWER, wider.kind());
        assertEquals(List.of(new MarkingChange.Step("sharedWith", "shared with [MHAI] as well")), wider.lowerings());

        MarkingChange narrower = to(Classification.SECRET, comps("CT-NORTH"));
        assertEquals(MarkingChange.Kind.RAISE, narrower.kind());
        assertEquals(List.of(new MarkingChange.Step("sharedWith", "no longer shared with [DGED]")),
                narrower.raisings());
    }

    @Test
    void aCompartmentSwappedForAnotherLowers() {
        MarkingChange swapped = to(Classification.SECRET, comps("CT-SOUTH"), "DGED");
        assertEquals(MarkingChange.Kind.LOWER, swapped.kind());
        assertEquals(List.of("compartments"), fields(swapped.lowerings()));
        assertEquals(List.of("compartments"), fields(swapped.raisings()));
    }

    @Test
    void aChangeThatRaisesAndLowersIsALowering() {
        // the laundering attempt dressed up: a higher classification, but shared with two more agencies
        MarkingChange mixed = to(Classification.TOP_SECRET, comps("CT-NORTH", "CT-SOUTH"), "DGED", "DGSN", "MHAI");
        assertEquals(MarkingChange.Kind.LOWER, mixed.kind());
        assertEquals(List.of("sharedWith"), fields(mixed.lowerings()));
        assertEquals(List.of("classification", "compartments"), fields(mixed.raisings()));
    }

    @Test
    void theCollectorsDeclassificationLowersInEveryAspect() {
        MarkingChange declassified = to(Classification.UNCLASSIFIED, comps(), "DGED", "MHAI");
        assertEquals(MarkingChange.Kind.LOWER, declassified.kind());
        assertEquals(List.of("classification", "compartments", "sharedWith"), fields(declassified.lowerings()));
        assertEquals(List.of(), declassified.raisings());
        assertEquals("SECRET [CT-NORTH] shared [DGED] -> UNCLASSIFIED [] shared [DGED, MHAI]",
                declassified.detail());
    }

    @Test
    void joinProtectsAtLeastAsMuchAsBoth() {
        Marking other = marking(Classification.CONFIDENTIAL, List.of("CYBER"), List.of("DGED", "MHAI"));
        Marking joined = SECRET_NORTH.join(other);
        assertEquals(marking(Classification.SECRET, List.of("CT-NORTH", "CYBER"), List.of("DGED")), joined);
        assertEquals(MarkingChange.Kind.RAISE, new MarkingChange(other, joined).kind());
        assertEquals(MarkingChange.Kind.RAISE, new MarkingChange(SECRET_NORTH, joined).kind());
    }

    @Test
    void aNullCodeIsTheClientsError() {
        ProblemException refused = assertThrows(ProblemException.class,
                () -> marking(Classification.SECRET, Arrays.asList("CT-NORTH", null), List.of()));
        assertEquals(400, refused.status());
        assertEquals("compartments", refused.errors().get(0).field());
    }
}
