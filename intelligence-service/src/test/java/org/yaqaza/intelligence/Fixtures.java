package org.yaqaza.intelligence;

import org.yaqaza.launcher.testing.PostgresTestResource;

/** Tokens and report bodies shared by this service's tests. */
public final class Fixtures {

    private Fixtures() {
    }

    public static String analyst(String clearance, String... compartments) {
        return PostgresTestResource.primary().token().subject("analyst-" + clearance.toLowerCase())
                .roles("analyst").clearance(clearance).compartments(compartments).agency("DGST").sign();
    }

    public static String report(String title, String classification, String... compartments) {
        String comps = compartments.length == 0 ? "" : "\"" + String.join("\",\"", compartments) + "\"";
        return """
                {"sourceType":"HUMINT","reliability":"B","credibility":2,
                 "collectedAt":"2026-03-01T10:00:00Z","collectedPlace":"Fès","language":"ar",
                 "title":"%s","body":"اجتماع في المدينة القديمة","classification":"%s",
                 "compartments":[%s]}""".formatted(title, classification, comps);
    }
}
