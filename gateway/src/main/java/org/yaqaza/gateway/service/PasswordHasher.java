package org.yaqaza.gateway.service;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Singleton;

import org.yaqaza.gateway.config.GatewayConfig;

import io.quarkus.elytron.security.common.BcryptUtil;

/** bcrypt for passwords and client secrets. */
@Singleton
public class PasswordHasher {

    /** bcrypt reads at most 72 bytes; longer secrets are refused rather than silently truncated. */
    public static final int MAX_BYTES = 72;
    private static final Pattern COST = Pattern.compile("^\\$2[abxy]?\\$(\\d{2})\\$");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final int cost;
    /** Compared against when the account does not exist, so that timing does not tell which names exist. */
    private final String decoy;

    public PasswordHasher(GatewayConfig config) {
        this.cost = config.directory().bcryptCost();
        if (cost < 10 || cost > 16) {
            throw new IllegalStateException("yaqaza.gateway.directory.bcrypt-cost must be between 10 and 16");
        }
        this.decoy = decoy(cost);
    }

    /**
     * A well-formed hash of a random secret at {@code cost}, without spending that cost at start (a full bcrypt
     * on every start of the gateway, about a second with C1 on a small machine): the salt and digest of a
     * cheapest-cost hash under the configured cost field. Checking a secret against it runs the full {@code cost}
     * rounds like any real hash and never matches.
     */
    static String decoy(int cost) {
        String cheap = BcryptUtil.bcryptHash(generateSecret(), 4);
        Matcher m = COST.matcher(cheap);
        if (!m.find()) {
            throw new IllegalStateException("unexpected bcrypt hash format");
        }
        return cheap.substring(0, m.start(1)) + String.format(Locale.ROOT, "%02d", cost) + cheap.substring(m.end(1));
    }

    public String hash(String secret) {
        return BcryptUtil.bcryptHash(secret, cost);
    }

    public boolean matches(String secret, String hash) {
        try {
            return secret != null && hash != null && BcryptUtil.matches(secret, hash);
        } catch (RuntimeException malformedHash) {
            return false;
        }
    }

    /** Spends the same time as a real check; the answer is always no. */
    public boolean burn(String secret) {
        matches(secret == null ? "" : secret, decoy);
        return false;
    }

    /** True for hashes made with a lower cost than configured now, to be upgraded at the next good sign-in. */
    public boolean needsRehash(String hash) {
        Matcher m = COST.matcher(hash == null ? "" : hash);
        return !m.find() || Integer.parseInt(m.group(1)) < cost;
    }

    /** A 256-bit random client secret, URL-safe, for clients whose admin did not choose one. */
    public static String generateSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
