package org.yaqaza.liaison.service;

import java.util.UUID;

/**
 * Delivery of partner submissions to the intelligence-service as PARTNER reports, with this service's own token
 * (no user is behind the outbox). Idempotent on the key: a repeated delivery returns the report created first.
 */
public interface ReportDelivery {

    /** The id of the created (or earlier created) report. */
    UUID deliver(String idempotencyKey, PartnerReport report) throws Rejected, NotDelivered;

    /** The intelligence-service refused the report as invalid (400/422): sending it again cannot help. */
    final class Rejected extends Exception {

        private final int status;

        public Rejected(int status) {
            super("rejected with " + status);
            this.status = status;
        }

        public int status() {
            return status;
        }
    }

    /** Not delivered this time (unreachable, no token yet, a 5xx): worth trying again later. */
    final class NotDelivered extends Exception {

        public NotDelivered(String reason, Throwable cause) {
            super(reason, cause);
        }
    }
}
