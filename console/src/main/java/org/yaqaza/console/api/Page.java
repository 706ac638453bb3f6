package org.yaqaza.console.api;

import io.quarkus.qute.TemplateData;

import java.util.List;

/** A page of a list as every service returns it: the items and the cursor of the next page (null at the end). */
@TemplateData
public record Page<T>(List<T> items, String nextCursor) {
}
