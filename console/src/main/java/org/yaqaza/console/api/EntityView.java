package org.yaqaza.console.api;

import java.time.LocalDate;
import java.util.List;

import io.quarkus.qute.TemplateData;

/** An entity as the intelligence API returns it (the fields the console shows). */
@TemplateData
public record EntityView(String id, String kind, String displayName, String description, List<Name> names,
        LocalDate birthDate, String nationality, List<Identifier> identifiers, String organisationKind,
        String organisationStatus, String classification, List<String> compartments, String ownerAgency) {

    @TemplateData
    public record Name(String name, String type, String script) {
    }

    @TemplateData
    public record Identifier(String type, String value, String country) {
    }
}
