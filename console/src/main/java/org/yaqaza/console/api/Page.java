package org.yaqaza.console.api;

import java.util.List;

import io.quarkus.qute.TemplateData;

/** A page of a list as every service returns it: the items and the cursor of the next page (null at the end). */
@TemplateData
public record Page<T>(List<T> items, String nextCursor) {
}
