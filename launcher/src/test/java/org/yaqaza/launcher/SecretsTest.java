package org.yaqaza.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Base64;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretsTest {

    @TempDir
    Path data;

    @Test
    void aSecretIsGeneratedOnceAndReusedByTheNextRun() {
        Path dir = data.resolve("secrets");
        String first = new Secrets(dir).value("database", "intelligence.app-password", Secrets::randomPassword);
        // a later run (new instance, same directory) must get the same password, or the roles stop working
        String again = new Secrets(dir).value("database", "intelligence.app-password",
                () -> "a-generator-that-must-not-be-called");
        assertEquals(first, again);
        String other = new Secrets(dir).value("database", "liaison.app-password", Secrets::randomPassword);
        assertNotEquals(first, other);
        assertEquals(first, new Secrets(dir).value("database", "intelligence.app-password", () -> "x"),
                "adding another key keeps the first one");
    }

    @Test
    void secretsAreReadableByTheOwnerOnly() throws Exception {
        Path dir = data.resolve("secrets");
        Secrets secrets = new Secrets(dir);
        secrets.value("admin", "password", Secrets::randomPassword);
        secrets.file("prevention-identity.key", Secrets::randomKey);
        assertEquals(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE,
                PosixFilePermission.OWNER_EXECUTE), Files.getPosixFilePermissions(dir));
        assertEquals(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE),
                Files.getPosixFilePermissions(dir.resolve("admin.properties")));
        assertEquals(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE),
                Files.getPosixFilePermissions(dir.resolve("prevention-identity.key")));
    }

    @Test
    void thePreventionKeyIsA256BitKeyKeptAcrossRuns() {
        Path dir = data.resolve("secrets");
        String key = new Secrets(dir).file("prevention-identity.key", Secrets::randomKey);
        assertEquals(32, Base64.getDecoder().decode(key).length);
        assertEquals(key, new Secrets(dir).file("prevention-identity.key", () -> "must-not-replace-the-key"));
    }

    @Test
    void generatedPasswordsAreLongAndDistinct() {
        String a = Secrets.randomPassword();
        String b = Secrets.randomPassword();
        assertNotEquals(a, b);
        // the gateway requires 12 to 72 bytes; SQL, env vars and HTTP Basic need no escaping
        assertTrue(a.length() >= 32 && a.length() <= 72, a);
        assertTrue(a.matches("[A-Za-z0-9_-]+"), a);
    }
}
