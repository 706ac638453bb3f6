package org.yaqaza.liaison.taxii;

import jakarta.ws.rs.core.MediaType;

import org.yaqaza.common.problem.ProblemException;

/** TAXII 2.1 content negotiation: {@code application/taxii+json;version=2.1} in and out (406 / 415 otherwise). */
public final class TaxiiMedia {

    public static final String TAXII = "application/taxii+json;version=2.1";
    public static final String STIX = "application/stix+json;version=2.1";

    private TaxiiMedia() {
    }

    public static void requireAccept(String accept) {
        if (accept == null || accept.isBlank()) {
            return;
        }
        for (String part : accept.split(",")) {
            MediaType type;
            try {
                type = MediaType.valueOf(part.trim());
            } catch (IllegalArgumentException e) {
                continue;
            }
            if (type.isWildcardType() || ("application".equals(type.getType()) && type.isWildcardSubtype())
                    || isTaxii(type)) {
                return;
            }
        }
        throw new ProblemException(406, "Not Acceptable", "This TAXII server answers " + TAXII + " only.");
    }

    public static void requireContentType(String contentType) {
        MediaType type = null;
        try {
            type = contentType == null ? null : MediaType.valueOf(contentType);
        } catch (IllegalArgumentException e) {
            // unparseable: refused below
        }
        if (type == null || !isTaxii(type)) {
            throw new ProblemException(415, "Unsupported Media Type", "Send the envelope as " + TAXII + ".");
        }
    }

    private static boolean isTaxii(MediaType type) {
        if (!"application".equalsIgnoreCase(type.getType()) || !"taxii+json".equalsIgnoreCase(type.getSubtype())) {
            return false;
        }
        String version = type.getParameters().get("version");
        return version == null || "2.1".equals(version);
    }
}
