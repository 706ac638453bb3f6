package org.yaqaza.common.persistence;

import org.yaqaza.common.problem.ProblemException;

/** Optimistic locking over HTTP: the version is the ETag, sent back in If-Match (or a version field). */
public final class Versions {

    private Versions() {
    }

    /** The version in an If-Match header, or null when absent. */
    public static Long fromIfMatch(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return null;
        }
        String value = ifMatch.trim().replace("W/", "").replace("\"", "");
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw ProblemException.badRequest("Invalid If-Match", "If-Match must carry the ETag you read.",
                    "If-Match");
        }
    }

    /**
     * Refuses a change based on anything but the current version, read from If-Match or else from the version
     * field of the body (clients that cannot set headers): 400 when both are missing, 409 when stale.
     */
    public static void require(Long ifMatchVersion, Long bodyVersion, long current, String what) {
        require(ifMatchVersion != null ? ifMatchVersion : bodyVersion, current, what);
    }

    /** Refuses a change based on anything but the current version: 400 when missing, 409 when stale. */
    public static void require(Long expected, long current, String what) {
        if (expected == null) {
            throw ProblemException.badRequest("Version required",
                    "Send the version you read (If-Match header or version field) to change this " + what + ".",
                    "version");
        }
        if (expected != current) {
            throw ProblemException.conflict("Stale version",
                    "The " + what + " is at version " + current + ", not " + expected + "; read it again.");
        }
    }
}
