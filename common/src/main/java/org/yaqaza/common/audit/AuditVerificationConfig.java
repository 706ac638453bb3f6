package org.yaqaza.common.audit;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The background verification of the audit chain, under {@code yaqaza.audit.verification.}. */
@ConfigMapping(prefix = "yaqaza.audit.verification")
public interface AuditVerificationConfig {

    /**
     * How often the whole chain is verified (read by the scheduler, e.g. {@code 10m}); {@code off} turns the
     * background verification off, and the gauges then stay NaN.
     */
    @WithDefault("10m")
    String every();

    /** Wait after start before the first verification, so that it does not compete with the start itself. */
    @WithDefault("30s")
    String firstAfter();
}
