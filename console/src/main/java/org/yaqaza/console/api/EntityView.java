package org.yaqaza.console.api;

import io.quarkus.qute.TemplateData;

/** An entity as the intelligence API returns it (the fields the console shows). */
@TemplateData
public record EntityView(String id, String kind, String displayName, String description, String classification) {
}
