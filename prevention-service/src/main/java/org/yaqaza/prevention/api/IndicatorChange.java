package org.yaqaza.prevention.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** How one indicator moved since the previous assessment, by the order of its scale's levels. */
@Schema(name = "Change")
public record IndicatorChange(String indicator, String previous, String current, String movement) {
}
