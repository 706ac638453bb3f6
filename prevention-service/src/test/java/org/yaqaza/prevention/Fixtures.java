package org.yaqaza.prevention;

import org.yaqaza.launcher.testing.PostgresTestResource;

/** Tokens and programme bodies shared by this service's tests. */
public final class Fixtures {

    private Fixtures() {
    }

    public static String officer(String clearance, String agency, String... compartments) {
        return PostgresTestResource.primary().token().subject("prevention-" + clearance.toLowerCase() + "-" + agency)
                .roles("prevention-officer").clearance(clearance).compartments(compartments).agency(agency).sign();
    }

    public static String programme(String classification, String... compartments) {
        String comps = compartments.length == 0 ? "" : "\"" + String.join("\",\"", compartments) + "\"";
        return """
                {"kind":"PRISON_RECONCILIATION","name":"مصالحة — الدورة الثالثة","institution":"Prison locale de Salé",
                 "region":"Rabat-Salé-Kénitra","capacity":25,"classification":"%s","compartments":[%s]}"""
                .formatted(classification, comps);
    }
}
