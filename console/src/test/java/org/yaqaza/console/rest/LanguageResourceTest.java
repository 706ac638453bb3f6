package org.yaqaza.console.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class LanguageResourceTest {

    @Test
    void goesBackToTheConsolePageTheUserWasOn() {
        assertEquals("/console/reports/search?q=%D8%AE%D9%84%D9%8A%D8%A9",
                LanguageResource.safeBack("/console/reports/search?q=%D8%AE%D9%84%D9%8A%D8%A9"));
    }

    @Test
    void neverRedirectsOutsideTheConsole() {
        for (String hostile : new String[] { "https://evil.example/", "//evil.example/console/", "/console//evil",
                "/console/\\evil", "/auth/token", "/console/\r\nSet-Cookie:x=y", "", null }) {
            assertEquals("/console/", LanguageResource.safeBack(hostile), String.valueOf(hostile));
        }
    }
}
