package org.yaqaza.testsupport;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.lang.JoseException;

import com.sun.net.httpserver.HttpServer;

/**
 * A throwaway token issuer for tests: a fresh RSA key (never committed) whose JWKS is served over real HTTP on
 * a free loopback port, and a builder for real RS256 tokens (and deliberately broken ones).
 */
public final class TestIssuer implements AutoCloseable {

    public static final String AUDIENCE = "yaqaza";

    private final String issuer;
    private final RsaJsonWebKey key;
    private final HttpServer server;

    public TestIssuer(String issuer) {
        this.issuer = issuer;
        try {
            key = RsaJwkGenerator.generateJwk(2048);
            key.setKeyId("test-" + UUID.randomUUID());
            key.setAlgorithm(AlgorithmIdentifiers.RSA_USING_SHA256);
            key.setUse("sig");
            String jwks = new JsonWebKeySet(key).toJson(org.jose4j.jwk.JsonWebKey.OutputControlLevel.PUBLIC_ONLY);
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/jwks", exchange -> {
                byte[] body = jwks.getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            });
            server.start();
        } catch (JoseException | IOException e) {
            throw new IllegalStateException("could not start test issuer", e);
        }
    }

    public String issuer() {
        return issuer;
    }

    public String jwksUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/jwks";
    }

    public RsaJsonWebKey key() {
        return key;
    }

    public Token token() {
        return new Token();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    /** A token under construction; valid by default (10 minutes, audience yaqaza, this issuer, this key). */
    public final class Token {
        private final Map<String, Object> claims = new LinkedHashMap<>();
        private String algorithm = AlgorithmIdentifiers.RSA_USING_SHA256;
        private String keyId = key.getKeyId();
        private java.security.Key signingKey = key.getPrivateKey();

        private Token() {
            long now = System.currentTimeMillis() / 1000;
            claims.put("iss", issuer);
            claims.put("aud", AUDIENCE);
            claims.put("sub", "test-user");
            claims.put("upn", "test-user");
            claims.put("iat", now);
            claims.put("exp", now + 600);
            claims.put("jti", UUID.randomUUID().toString());
            claims.put("groups", List.of());
            claims.put("clearance", "UNCLASSIFIED");
            claims.put("compartments", List.of());
            claims.put("agency", "DGST");
        }

        public Token subject(String subject) {
            claims.put("sub", subject);
            claims.put("upn", subject);
            return this;
        }

        public Token roles(String... roles) {
            claims.put("groups", List.of(roles));
            return this;
        }

        public Token clearance(String clearance) {
            claims.put("clearance", clearance);
            return this;
        }

        public Token compartments(String... compartments) {
            claims.put("compartments", List.of(compartments));
            return this;
        }

        public Token agency(String agency) {
            claims.put("agency", agency);
            return this;
        }

        public Token partner(String partner) {
            claims.put("partner", partner);
            return this;
        }

        public Token claim(String name, Object value) {
            if (value == null) {
                claims.remove(name);
            } else {
                claims.put(name, value);
            }
            return this;
        }

        public Object claimValue(String name) {
            return claims.get(name);
        }

        /** Shifts iat and exp by {@code seconds} (negative: in the past). */
        public Token shiftTimes(long seconds) {
            claims.put("iat", ((Number) claims.get("iat")).longValue() + seconds);
            claims.put("exp", ((Number) claims.get("exp")).longValue() + seconds);
            return this;
        }

        public Token keyId(String kid) {
            this.keyId = kid;
            return this;
        }

        /** Signs with HMAC-SHA256 using the RSA public key bytes as the secret (the classic key-confusion attack). */
        public Token hs256WithPublicKey() {
            this.algorithm = AlgorithmIdentifiers.HMAC_SHA256;
            this.signingKey = new org.jose4j.keys.HmacKey(key.getPublicKey().getEncoded());
            return this;
        }

        /** Signs with a different, untrusted RSA key but this issuer's kid. */
        public Token foreignKey() {
            try {
                this.signingKey = RsaJwkGenerator.generateJwk(2048).getPrivateKey();
            } catch (JoseException e) {
                throw new IllegalStateException(e);
            }
            return this;
        }

        public String sign() {
            try {
                JwtClaims jwt = new JwtClaims();
                claims.forEach((name, value) -> {
                    if (value instanceof Long || value instanceof Integer) {
                        jwt.setClaim(name, ((Number) value).longValue());
                    } else if (value instanceof List<?> list) {
                        jwt.setClaim(name, new ArrayList<>(list));
                    } else {
                        jwt.setClaim(name, value);
                    }
                });
                JsonWebSignature jws = new JsonWebSignature();
                jws.setPayload(jwt.toJson());
                jws.setAlgorithmHeaderValue(algorithm);
                jws.setKeyIdHeaderValue(keyId);
                jws.setKey(signingKey);
                jws.setDoKeyValidation(false);
                return jws.getCompactSerialization();
            } catch (JoseException e) {
                throw new IllegalStateException(e);
            }
        }

        /** The same claims with {@code alg: none} and no signature. */
        public String unsigned() {
            JwtClaims jwt = new JwtClaims();
            claims.forEach(jwt::setClaim);
            java.util.Base64.Encoder b64 = java.util.Base64.getUrlEncoder().withoutPadding();
            String header = b64.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
            String payload = b64.encodeToString(jwt.toJson().getBytes(StandardCharsets.UTF_8));
            return header + "." + payload + ".";
        }
    }

    /** Seconds since the epoch, for claims. */
    public static long now() {
        return NumericDate.now().getValue();
    }
}
