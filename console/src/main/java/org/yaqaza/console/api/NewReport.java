package org.yaqaza.console.api;

import java.time.Instant;
import java.util.List;

import io.quarkus.qute.TemplateData;

/** A report as the console files it (the intelligence API validates every field and answers problems). */
@TemplateData
public record NewReport(String sourceType, String reliability, Integer credibility, Instant collectedAt,
        String collectedPlace, String language, String title, String body, String classification,
        List<String> compartments, List<String> sharedWith, String legalAuthorisation) {
}
