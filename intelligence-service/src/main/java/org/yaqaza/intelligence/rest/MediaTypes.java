package org.yaqaza.intelligence.rest;

/** Media types of this API beyond {@link jakarta.ws.rs.core.MediaType}'s. */
public final class MediaTypes {

    /** Newline-delimited JSON: bulk ingest and batch screening, read and answered line by line. */
    public static final String NDJSON = "application/x-ndjson";

    private MediaTypes() {
    }
}
