package org.yaqaza.common.security;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** Lineage: a union of (partner, TLP) pairs that survives storage and knows its strictest TLP. */
class LineageTest {

    @Test
    void aPartnerReportWithoutTlpIsAmberAndNationalMaterialHasNoLineage() {
        assertEquals(List.of(new LineageEntry("be-vsse", Tlp.AMBER)), Lineage.of("be-vsse", null).list());
        assertEquals(Lineage.NONE, Lineage.of(null, Tlp.RED));
        assertEquals(Optional.empty(), Lineage.NONE.strictest());
    }

    @Test
    void unionKeepsEveryPairAndTheStrictestWins() {
        Lineage lineage = Lineage.of("fr-dgsi", Tlp.GREEN).union(Lineage.of("be-vsse", Tlp.AMBER_STRICT))
                .union(Lineage.of("fr-dgsi", Tlp.RED)).union(Lineage.of("fr-dgsi", Tlp.GREEN));
        assertEquals(List.of(new LineageEntry("be-vsse", Tlp.AMBER_STRICT), new LineageEntry("fr-dgsi", Tlp.GREEN),
                new LineageEntry("fr-dgsi", Tlp.RED)), lineage.list());
        assertEquals(Set.of("be-vsse", "fr-dgsi"), lineage.partners());
        assertEquals(Optional.of(Tlp.RED), lineage.strictest());
    }

    @Test
    void theStoredFormReadsBackTheSame() {
        Lineage lineage = Lineage.of("be-vsse", Tlp.AMBER_STRICT).union(Lineage.of("es-cni", Tlp.CLEAR));
        String[] stored = lineage.encode();
        assertArrayEquals(new String[] { "be-vsse:AMBER+STRICT", "es-cni:CLEAR" }, stored);
        assertEquals(lineage, Lineage.decode(stored));
        assertEquals(Lineage.NONE, Lineage.decode(null));
    }

    @Test
    void tlpLabelsReadAsWrittenInTlp2() {
        assertEquals(Tlp.AMBER_STRICT, Tlp.of("TLP:AMBER+STRICT"));
        assertEquals(Tlp.AMBER_STRICT, Tlp.of("amber_strict"));
        assertEquals(Tlp.CLEAR, Tlp.of(" clear "));
        assertThrows(IllegalArgumentException.class, () -> Tlp.of("WHITE"));
        assertEquals(true, Tlp.RED.atLeast(Tlp.AMBER));
        assertEquals(false, Tlp.GREEN.atLeast(Tlp.AMBER));
    }
}
