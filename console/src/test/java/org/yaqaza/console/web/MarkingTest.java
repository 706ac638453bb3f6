package org.yaqaza.console.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

class MarkingTest {

    @Test
    void theBannerShowsTheHighestMarkingOnThePage() {
        assertEquals(Marking.SECRET, Marking.highest(List.of("RESTRICTED", "SECRET", "UNCLASSIFIED")));
        assertEquals(Marking.TOP_SECRET, Marking.highest(List.of("TOP_SECRET", "CONFIDENTIAL")));
    }

    @Test
    void aPageWithoutRecordsIsUnclassified() {
        assertEquals(Marking.UNCLASSIFIED, Marking.highest(List.of()));
        assertEquals(Marking.UNCLASSIFIED, Marking.highest(Arrays.asList((String) null)));
    }

    @Test
    void aMarkingTheConsoleDoesNotKnowIsNeverShownUnderALowerBanner() {
        assertEquals(Marking.TOP_SECRET, Marking.highest(List.of("UNCLASSIFIED", "COSMIC")));
    }

    @Test
    void eachLevelHasItsOwnBannerColourClass() {
        assertEquals(5, Arrays.stream(Marking.values()).map(Marking::css).distinct().count());
        assertEquals("marking-top-secret", Marking.parse("top secret").css());
    }
}
