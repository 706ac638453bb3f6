package org.yaqaza.gateway.service;

import java.security.interfaces.RSAPublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jose4j.json.JsonUtil;
import org.jose4j.jwk.EllipticCurveJsonWebKey;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.keys.EllipticCurves;
import org.jose4j.lang.JoseException;
import org.yaqaza.common.problem.ProblemException;

/**
 * The public keys a machine client registers for private_key_jwt (RFC 7523): a JWK Set, or a single JWK, of RSA
 * keys of at least 2048 bits (RS256) or P-256 keys (ES256). A key carrying private parts is refused rather than
 * stripped: whoever sent it has leaked it and must make a new one.
 */
public final class ClientKeys {

    /** The only assertion algorithms accepted (never none, never HMAC). */
    public static final Set<String> ALGORITHMS = Set.of(AlgorithmIdentifiers.RSA_USING_SHA256,
            AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256);

    private static final int MAX_KEYS = 5;
    private static final int MIN_RSA_BITS = 2048;
    private static final Set<String> PRIVATE_MEMBERS = Set.of("d", "p", "q", "dp", "dq", "qi", "oth", "k");

    private ClientKeys() {
    }

    /** The keys as stored: a JWK Set in JSON, public members only. 400 problem when unusable. */
    public static String normalise(Map<String, Object> jwks) {
        Map<String, Object> set = jwks.containsKey("keys") ? jwks : Map.of("keys", List.of(jwks));
        if (!(set.get("keys") instanceof List<?> keys) || keys.isEmpty() || keys.size() > MAX_KEYS) {
            throw invalid("must be a JWK or a JWK Set of 1 to " + MAX_KEYS + " keys");
        }
        for (Object key : keys) {
            if (!(key instanceof Map<?, ?> members)) {
                throw invalid("every key must be a JSON object");
            }
            if (members.keySet().stream().anyMatch(PRIVATE_MEMBERS::contains)) {
                throw invalid("holds a private key: register the public key only, and replace the leaked one");
            }
        }
        try {
            JsonWebKeySet parsed = new JsonWebKeySet(JsonUtil.toJson(set));
            List<JsonWebKey> checked = new ArrayList<>();
            for (JsonWebKey key : parsed.getJsonWebKeys()) {
                checkKey(key);
                checked.add(key);
            }
            return new JsonWebKeySet(checked).toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY);
        } catch (JoseException | IllegalArgumentException | ClassCastException e) {
            throw invalid("is not a valid JWK or JWK Set");
        }
    }

    /** The stored set, parsed. */
    public static List<JsonWebKey> parse(String stored) {
        try {
            return new JsonWebKeySet(stored).getJsonWebKeys();
        } catch (JoseException e) {
            throw new IllegalStateException("stored client keys do not parse", e);
        }
    }

    /** The stored set as a JSON object, for the admin views. */
    public static Map<String, Object> view(String stored) {
        if (stored == null) {
            return null;
        }
        try {
            return JsonUtil.parseJson(stored);
        } catch (JoseException e) {
            throw new IllegalStateException("stored client keys do not parse", e);
        }
    }

    private static void checkKey(JsonWebKey key) {
        if (key.getUse() != null && !"sig".equals(key.getUse())) {
            throw invalid("key use must be sig");
        }
        if (key instanceof RsaJsonWebKey rsa) {
            if (((RSAPublicKey) rsa.getPublicKey()).getModulus().bitLength() < MIN_RSA_BITS) {
                throw invalid("RSA keys must have at least " + MIN_RSA_BITS + " bits");
            }
            requireAlgorithm(key, AlgorithmIdentifiers.RSA_USING_SHA256);
        } else if (key instanceof EllipticCurveJsonWebKey ec) {
            if (!EllipticCurves.P_256.equals(ec.getCurveName())) {
                throw invalid("EC keys must be on the P-256 curve (ES256)");
            }
            requireAlgorithm(key, AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256);
        } else {
            throw invalid("keys must be RSA (RS256) or EC P-256 (ES256)");
        }
    }

    private static void requireAlgorithm(JsonWebKey key, String algorithm) {
        if (key.getAlgorithm() != null && !algorithm.equals(key.getAlgorithm())) {
            throw invalid("a key's alg must be " + algorithm + " or absent");
        }
    }

    private static ProblemException invalid(String why) {
        return new ProblemException(400, null, "Invalid request", "The request has 1 invalid field.",
                List.of(new org.yaqaza.common.problem.Problem.FieldError("jwks", why)), null);
    }
}
