package org.yaqaza.launcher;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Properties;
import java.util.function.Supplier;

/**
 * Secrets of one local suite, generated on first use and kept under {@code <data>/secrets/} (owner-only
 * permissions, never in git) so that database roles, keys and clients keep working across restarts.
 */
public final class Secrets {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path directory;

    public Secrets(Path directory) {
        this.directory = directory;
    }

    public Path directory() {
        return directory;
    }

    /** The value of {@code key} in {@code <file>.properties}; generated and stored when absent. */
    public synchronized String value(String file, String key, Supplier<String> generator) {
        Path path = directory.resolve(file + ".properties");
        Properties properties = new Properties();
        try {
            if (Files.exists(path)) {
                try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
                    properties.load(reader);
                }
            }
            String existing = properties.getProperty(key);
            if (existing != null && !existing.isBlank()) {
                return existing;
            }
            String generated = generator.get();
            properties.setProperty(key, generated);
            Path temporary = prepareTemporary(path);
            try (Writer writer = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
                properties.store(writer, "Yaqaza local suite secrets: generated once, local use only, never commit");
            }
            Files.move(temporary, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return generated;
        } catch (IOException e) {
            throw new UncheckedIOException("could not read or write " + path, e);
        }
    }

    /** A whole file holding one secret (e.g. a key), trimmed; generated and stored when absent. */
    public synchronized String file(String fileName, Supplier<String> generator) {
        Path path = directory.resolve(fileName);
        try {
            if (Files.exists(path)) {
                String existing = Files.readString(path, StandardCharsets.UTF_8).trim();
                if (!existing.isEmpty()) {
                    return existing;
                }
            }
            String generated = generator.get();
            Path temporary = prepareTemporary(path);
            Files.writeString(temporary, generated + "\n", StandardCharsets.UTF_8);
            Files.move(temporary, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return generated;
        } catch (IOException e) {
            throw new UncheckedIOException("could not read or write " + path, e);
        }
    }

    /** 32 characters of URL-safe Base64 (192 bits): no quoting problems in SQL, env vars or HTTP Basic. */
    public static String randomPassword() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Base64 of 32 random bytes: an AES-256 key, the format {@code yaqaza.prevention.identity-key} expects. */
    public static String randomKey() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }

    /** The directory and an empty temporary file next to {@code target}, both readable by the owner only. */
    private Path prepareTemporary(Path target) throws IOException {
        createPrivateDirectory(directory);
        Path temporary = target.resolveSibling(target.getFileName() + ".tmp");
        Files.deleteIfExists(temporary);
        try {
            Files.createFile(temporary,
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(temporary);
        }
        return temporary;
    }

    static void createPrivateDirectory(Path directory) throws IOException {
        if (Files.isDirectory(directory)) {
            return;
        }
        Files.createDirectories(directory.getParent());
        try {
            Files.createDirectory(directory,
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } catch (UnsupportedOperationException e) {
            Files.createDirectory(directory);
        } catch (FileAlreadyExistsException e) {
            // created concurrently: fine
        }
    }
}
