package org.yaqaza.liaison;

import java.util.UUID;

import org.yaqaza.launcher.testing.PostgresTestResource;

/** Tokens and partner bodies shared by this service's tests. */
public final class Fixtures {

    private Fixtures() {
    }

    public static String liaisonOfficer(String clearance, String agency, String... compartments) {
        return PostgresTestResource.primary().token().subject("liaison-" + clearance.toLowerCase() + "-" + agency)
                .roles("liaison-officer").clearance(clearance).compartments(compartments).agency(agency).sign();
    }

    public static String partner(String classification, String... compartments) {
        String comps = compartments.length == 0 ? "" : "\"" + String.join("\",\"", compartments) + "\"";
        return """
                {"code":"%s","country":"ES","serviceName":"Centro Nacional de Inteligencia — enlace Rabat",
                 "status":"ACTIVE","classification":"%s","compartments":[%s]}"""
                .formatted("p-" + UUID.randomUUID(), classification, comps);
    }
}
