package org.yaqaza.intelligence.query;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.yaqaza.common.problem.Problem;
import org.yaqaza.common.problem.ProblemException;
import org.yaqaza.common.security.Classification;
import org.yaqaza.intelligence.model.SourceType;

/**
 * Optional report filters, as HQL for lists and counts and as native SQL for search (the visibility rule is
 * added by the caller of {@link #where()} / {@link #sqlWhere(String)}).
 */
public record ReportFilter(SourceType sourceType, List<String> reliability, List<Integer> credibility,
        String language, Classification classification, Instant collectedFrom, Instant collectedTo, UUID entity) {

    public ReportFilter(SourceType sourceType, String language, Classification classification) {
        this(sourceType, List.of(), List.of(), language, classification, null, null, null);
    }

    /** Parses raw query parameters; every bad one is listed in a single 400. */
    public static ReportFilter parse(String sourceType, List<String> reliability, List<String> credibility,
            String language, String classification, String collectedFrom, String collectedTo, String entity) {
        List<Problem.FieldError> errors = new ArrayList<>();
        SourceType type = null;
        if (sourceType != null && !sourceType.isBlank()) {
            try {
                type = SourceType.valueOf(sourceType.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                errors.add(new Problem.FieldError("sourceType", "must be one of HUMINT, OSINT, SIGINT, TECHINT, "
                        + "FININT, PARTNER"));
            }
        }
        List<String> grades = new ArrayList<>();
        for (String r : reliability == null ? List.<String>of() : reliability) {
            for (String g : r.split(",")) {
                if (g.isBlank()) {
                    continue;
                }
                if (!g.trim().matches("[A-F]")) {
                    errors.add(new Problem.FieldError("reliability", "must be source reliability grades A to F"));
                } else {
                    grades.add(g.trim());
                }
            }
        }
        List<Integer> creds = new ArrayList<>();
        for (String c : credibility == null ? List.<String>of() : credibility) {
            for (String g : c.split(",")) {
                if (g.isBlank()) {
                    continue;
                }
                if (!g.trim().matches("[1-6]")) {
                    errors.add(new Problem.FieldError("credibility", "must be information credibility grades 1 to 6"));
                } else {
                    creds.add(Integer.parseInt(g.trim()));
                }
            }
        }
        if (language != null && !language.isBlank() && !language.matches("[a-z]{2,3}")) {
            errors.add(new Problem.FieldError("language", "must be an ISO 639 language code"));
        }
        Classification cls = null;
        if (classification != null && !classification.isBlank()) {
            cls = Classification.parseOrNull(classification);
            if (cls == null) {
                errors.add(new Problem.FieldError("classification", "must be UNCLASSIFIED to TOP_SECRET"));
            }
        }
        Instant from = instant(collectedFrom, "collectedFrom", false, errors);
        Instant to = instant(collectedTo, "collectedTo", true, errors);
        UUID entityId = null;
        if (entity != null && !entity.isBlank()) {
            try {
                entityId = UUID.fromString(entity.trim());
            } catch (IllegalArgumentException e) {
                errors.add(new Problem.FieldError("entity", "must be an entity id (UUID)"));
            }
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(400, null, "Invalid filter",
                    "The request has " + errors.size() + " invalid parameter" + (errors.size() == 1 ? "" : "s") + ".",
                    errors, null);
        }
        return new ReportFilter(type, grades, creds, language == null || language.isBlank() ? null : language, cls,
                from, to, entityId);
    }

    /** An instant, or a date meaning the start of that day (or, for an upper bound, the end of it), UTC. */
    private static Instant instant(String value, String field, boolean endOfDay, List<Problem.FieldError> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            if (value.length() == 10) {
                LocalDate day = LocalDate.parse(value);
                return (endOfDay ? day.plusDays(1) : day).atStartOfDay().toInstant(ZoneOffset.UTC);
            }
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            errors.add(new Problem.FieldError(field, "must be an ISO date (2026-03-01) or instant"));
            return null;
        }
    }

    public String where() {
        List<String> parts = new ArrayList<>();
        if (sourceType != null) {
            parts.add("sourceType = :sourceType");
        }
        if (!reliability.isEmpty()) {
            parts.add("reliability in :reliability");
        }
        if (!credibility.isEmpty()) {
            parts.add("credibility in :credibility");
        }
        if (language != null) {
            parts.add("language = :language");
        }
        if (classification != null) {
            parts.add("classification = :classification");
        }
        if (collectedFrom != null) {
            parts.add("collectedAt >= :collectedFrom");
        }
        if (collectedTo != null) {
            parts.add("collectedAt < :collectedTo");
        }
        if (entity != null) {
            parts.add("id in (select m.reportId from Mention m where m.entityId = :entity)");
        }
        return String.join(" and ", parts);
    }

    public Map<String, Object> parameters() {
        Map<String, Object> params = new HashMap<>();
        if (sourceType != null) {
            params.put("sourceType", sourceType);
        }
        if (!reliability.isEmpty()) {
            params.put("reliability", reliability);
        }
        if (!credibility.isEmpty()) {
            params.put("credibility", credibility.stream().map(Integer::shortValue).toList());
        }
        if (language != null) {
            params.put("language", language);
        }
        if (classification != null) {
            params.put("classification", classification);
        }
        if (collectedFrom != null) {
            params.put("collectedFrom", collectedFrom);
        }
        if (collectedTo != null) {
            params.put("collectedTo", collectedTo);
        }
        if (entity != null) {
            params.put("entity", entity);
        }
        return params;
    }

    /** The same filters over table alias {@code r} in native SQL; parameters from {@link #sqlParameters()}. */
    public String sqlWhere(String r) {
        StringBuilder b = new StringBuilder("true");
        if (sourceType != null) {
            b.append(" and ").append(r).append(".source_type = :fSourceType");
        }
        if (!reliability.isEmpty()) {
            b.append(" and ").append(r).append(".reliability = any(:fReliability)");
        }
        if (!credibility.isEmpty()) {
            b.append(" and ").append(r).append(".credibility::text = any(:fCredibility)");
        }
        if (language != null) {
            b.append(" and ").append(r).append(".language = :fLanguage");
        }
        if (classification != null) {
            b.append(" and ").append(r).append(".classification = :fClassification");
        }
        if (collectedFrom != null) {
            b.append(" and ").append(r).append(".collected_at >= :fFrom");
        }
        if (collectedTo != null) {
            b.append(" and ").append(r).append(".collected_at < :fTo");
        }
        if (entity != null) {
            b.append(" and exists (select 1 from mention m where m.report_id = ").append(r)
                    .append(".id and m.entity_id = :fEntity)");
        }
        return b.toString();
    }

    public Map<String, Object> sqlParameters() {
        Map<String, Object> p = new HashMap<>();
        p.put("fSourceType", sourceType == null ? null : sourceType.name());
        p.put("fReliability", reliability.toArray(String[]::new));
        p.put("fCredibility", credibility.stream().map(String::valueOf).toArray(String[]::new));
        p.put("fLanguage", language);
        p.put("fClassification", classification == null ? null : (short) classification.level());
        p.put("fFrom", collectedFrom);
        p.put("fTo", collectedTo);
        p.put("fEntity", entity);
        return p;
    }
}
