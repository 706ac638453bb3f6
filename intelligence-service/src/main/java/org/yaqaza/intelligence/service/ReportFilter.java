package org.yaqaza.intelligence.service;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.yaqaza.common.security.Classification;
import org.yaqaza.intelligence.model.SourceType;

/** Optional list filters, turned into an HQL condition (the visibility rule is added by the repository). */
public record ReportFilter(SourceType sourceType, String language, Classification classification) {

    public String where() {
        List<String> parts = new ArrayList<>();
        if (sourceType != null) {
            parts.add("sourceType = :sourceType");
        }
        if (language != null) {
            parts.add("language = :language");
        }
        if (classification != null) {
            parts.add("classification = :classification");
        }
        return String.join(" and ", parts);
    }

    public Map<String, Object> parameters() {
        Map<String, Object> params = new HashMap<>();
        if (sourceType != null) {
            params.put("sourceType", sourceType);
        }
        if (language != null) {
            params.put("language", language);
        }
        if (classification != null) {
            params.put("classification", classification);
        }
        return params;
    }
}
