package org.yaqaza.systemtest;

import org.yaqaza.launcher.SuiteOptions;
import org.yaqaza.launcher.SuiteService;

/** What every suite the system tests start sets beyond its own settings (each with its reason). */
public final class SuiteSettings {

    private SuiteSettings() {
    }

    /**
     * The gateway hashes passwords and client secrets at bcrypt cost 10, the lowest it accepts and the cost of its
     * module tests, instead of the production 12: a run creates and signs in some hundreds of accounts and clients
     * (demo directory, each class's cast, every browser sign-in), and a cost-12 hash or check takes about 0.5 CPU-s
     * with the services' C1-only JIT (docs/local-suite.md), four times a cost-10 one. No system test measures the
     * cost; the gateway's module tests check the hashing.
     */
    public static SuiteOptions.Builder common(SuiteOptions.Builder options) {
        return options.environment(SuiteService.GATEWAY, "YAQAZA_GATEWAY_DIRECTORY_BCRYPT_COST", "10");
    }
}
