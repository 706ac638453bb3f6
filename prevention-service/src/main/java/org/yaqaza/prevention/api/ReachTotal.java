package org.yaqaza.prevention.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Total")
public record ReachTotal(String region, String month, long reach, long engagements) {
}
