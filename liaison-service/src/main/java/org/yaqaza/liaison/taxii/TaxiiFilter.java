package org.yaqaza.liaison.taxii;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.yaqaza.common.problem.ProblemException;
import org.yaqaza.liaison.stix.StixMapper;

/**
 * The TAXII 2.1 query parameters of objects, manifest and versions, validated (400 when malformed). {@code next}
 * stays opaque here: only {@link TaxiiCursors} can read it, for the partner and collection it was issued for.
 */
public record TaxiiFilter(Instant addedAfter, String next, List<String> ids, List<String> types,
        List<String> specVersions, VersionMatch versions) {

    private static final Pattern STIX_ID = Pattern.compile("[a-z][a-z0-9-]+[a-z0-9]--[0-9a-fA-F-]{36}");
    private static final Pattern STIX_TYPE = Pattern.compile("[a-z][a-z0-9-]{1,249}");

    /** first, last, all, or explicit versions (timestamps). */
    public record VersionMatch(boolean first, boolean last, boolean all, List<String> exact) {
    }

    public static TaxiiFilter parse(String addedAfter, String next, String matchId, String matchType,
            String matchVersion, String matchSpecVersion, boolean versionFilterAllowed) {
        Instant after = null;
        if (addedAfter != null) {
            after = timestamp(addedAfter, "added_after");
        }
        if (next != null && (next.isBlank() || next.length() > 200)) {
            throw TaxiiCursors.invalid();
        }
        List<String> ids = list(matchId);
        for (String id : ids) {
            if (!STIX_ID.matcher(id).matches()) {
                throw ProblemException.badRequest("Invalid filter", "match[id] must list STIX identifiers.",
                        "match[id]");
            }
        }
        List<String> types = list(matchType);
        for (String type : types) {
            if (!STIX_TYPE.matcher(type).matches()) {
                throw ProblemException.badRequest("Invalid filter", "match[type] must list STIX types.",
                        "match[type]");
            }
        }
        List<String> specs = list(matchSpecVersion);
        for (String spec : specs) {
            if (!spec.matches("[0-9]\\.[0-9]")) {
                throw ProblemException.badRequest("Invalid filter", "match[spec_version] must list versions "
                        + "such as 2.1.", "match[spec_version]");
            }
        }
        VersionMatch versions = new VersionMatch(false, true, false, List.of());
        if (matchVersion != null) {
            if (!versionFilterAllowed) {
                throw ProblemException.badRequest("Invalid filter", "match[version] is not supported here.",
                        "match[version]");
            }
            boolean first = false;
            boolean last = false;
            boolean all = false;
            List<String> exact = new ArrayList<>();
            for (String v : list(matchVersion)) {
                switch (v) {
                    case "first" -> first = true;
                    case "last" -> last = true;
                    case "all" -> all = true;
                    default -> exact.add(StixMapper.time(timestamp(v, "match[version]")));
                }
            }
            if (!first && !last && !all && exact.isEmpty()) {
                throw ProblemException.badRequest("Invalid filter", "match[version] is empty.", "match[version]");
            }
            versions = new VersionMatch(first, last, all, List.copyOf(exact));
        }
        return new TaxiiFilter(after, next, ids, types, specs, versions);
    }

    public TaxiiFilter allVersions() {
        return new TaxiiFilter(addedAfter, next, ids, types, specVersions,
                new VersionMatch(false, false, true, List.of()));
    }

    private static List<String> list(String value) {
        if (value == null) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (String part : value.split(",")) {
            String p = part.trim();
            if (p.isEmpty()) {
                throw ProblemException.badRequest("Invalid filter", "A match filter has an empty value.", "match");
            }
            out.add(p);
        }
        return out;
    }

    private static Instant timestamp(String value, String field) {
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest("Invalid timestamp", field
                    + " must be an RFC 3339 timestamp such as 2026-01-31T00:00:00.000Z.", field);
        }
    }
}
