package org.yaqaza.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPairGenerator;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;

import org.jose4j.jwk.JsonWebKeySet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaqaza.gateway.service.KeyRing;

/** Key loading without Quarkus: generation and reuse, several keys, choice of the signing key, PEM flavours. */
class KeyRingTest {

    @TempDir
    Path dir;

    @Test
    void aKeyIsGeneratedOnceAndReusedOnRestart() throws Exception {
        Path keys = dir.resolve("keys");
        KeyRing first = KeyRing.load(keys, Optional.empty(), true);
        KeyRing second = KeyRing.load(keys, Optional.empty(), true);
        assertEquals(first.signing().kid(), second.signing().kid());
        assertEquals(first.signing().publicKey(), second.signing().publicKey());
        assertEquals(1, second.keys().size());
        Path file = keys.resolve(first.signing().kid() + ".pem");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    }

    @Test
    void aGeneratedKeyTakesTheConfiguredSigningKid() {
        KeyRing ring = KeyRing.load(dir.resolve("k"), Optional.of("dev-2026-01"), true);
        assertEquals("dev-2026-01", ring.signing().kid());
    }

    @Test
    void withoutGenerationAnEmptyDirectoryStopsTheStart() {
        assertThrows(IllegalStateException.class, () -> KeyRing.load(dir, Optional.empty(), false));
    }

    @Test
    void severalPrivateKeysNeedAChosenSigningKey() throws Exception {
        Files.writeString(dir.resolve("2026-01.pem"), pkcs8());
        Files.writeString(dir.resolve("2026-07.pem"), pkcs8());
        assertThrows(IllegalStateException.class, () -> KeyRing.load(dir, Optional.empty(), true));
        assertThrows(IllegalStateException.class, () -> KeyRing.load(dir, Optional.of("2025-01"), true));
        KeyRing ring = KeyRing.load(dir, Optional.of("2026-07"), true);
        assertEquals("2026-07", ring.signing().kid());
        JsonWebKeySet jwks = new JsonWebKeySet(ring.jwksJson());
        assertEquals(2, jwks.getJsonWebKeys().size());
        assertFalse(ring.jwksJson().contains("\"d\""), "no private part is published");
    }

    @Test
    void pkcs1AndPublicOnlyKeysAreRead() throws Exception {
        var generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        var pair = generator.generateKeyPair();
        // PKCS#8 wraps the PKCS#1 structure in an OCTET STRING at the end: cut it out to write PKCS#1
        byte[] pkcs8 = pair.getPrivate().getEncoded();
        byte[] pkcs1 = Arrays.copyOfRange(pkcs8, 26, pkcs8.length);
        Files.writeString(dir.resolve("traditional.pem"), pem("RSA PRIVATE KEY", pkcs1));
        Files.writeString(dir.resolve("old.pem"), pem("PUBLIC KEY", pair.getPublic().getEncoded()));
        Files.writeString(dir.resolve(".hidden.pem"), "not a key");
        KeyRing ring = KeyRing.load(dir, Optional.empty(), false);
        assertEquals("traditional", ring.signing().kid());
        assertEquals(pair.getPublic(), ring.signing().publicKey());
        assertTrue(ring.keys().stream().anyMatch(k -> k.kid().equals("old") && !k.canSign()));
    }

    @Test
    void weakKeysAreRefused() throws Exception {
        var generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(1024);
        Files.writeString(dir.resolve("weak.pem"), pem("PRIVATE KEY", generator.generateKeyPair().getPrivate()
                .getEncoded()));
        assertThrows(IllegalStateException.class, () -> KeyRing.load(dir, Optional.empty(), false));
    }

    private static String pkcs8() throws Exception {
        var generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return pem("PRIVATE KEY", generator.generateKeyPair().getPrivate().getEncoded());
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder().encodeToString(der) + "\n-----END " + type
                + "-----\n";
    }
}
