package org.yaqaza.console.web;

import java.io.IOException;

import org.junit.jupiter.api.Test;

/** The prevention pages' labels: every one in Arabic (in Arabic script) and French, none left over. */
class PreventionMessagesTest {

    @Test
    void everyLabelIsTranslatedIntoArabicAndFrench() throws IOException {
        MessageBundles.assertTranslatedIntoArabicAndFrench(PreventionMsg.class, "pmsg");
    }

    @Test
    void theArabicLabelsAreInArabicScript() throws IOException {
        MessageBundles.assertArabicInArabicScript("pmsg");
    }
}
