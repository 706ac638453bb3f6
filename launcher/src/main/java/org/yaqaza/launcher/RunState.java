package org.yaqaza.launcher;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Properties;

/**
 * Pids and ports of a running suite in {@code <data>/run/suite.properties}, so that {@code ./yaqaza down} can
 * still clean up after a launcher that was killed without stopping its children.
 */
final class RunState {

    private final Path file;
    private final Properties values = new Properties();

    RunState(Path runDirectory) {
        this.file = runDirectory.resolve("suite.properties");
    }

    synchronized void put(String key, long value) {
        values.setProperty(key, Long.toString(value));
        try {
            Files.createDirectories(file.getParent());
            Path temporary = file.resolveSibling("suite.properties.tmp");
            try (Writer writer = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
                values.store(writer, "Yaqaza local suite: what is running (removed when it stops)");
            }
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + file, e);
        }
    }

    synchronized void clear() {
        values.clear();
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // a stale file is harmless: down checks every pid before it acts
        }
    }

    /** What an earlier run recorded (empty when nothing runs or it stopped cleanly). */
    static Properties read(Path runDirectory) {
        Properties properties = new Properties();
        Path file = runDirectory.resolve("suite.properties");
        if (Files.exists(file)) {
            try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                properties.load(reader);
            } catch (IOException e) {
                throw new UncheckedIOException("could not read " + file, e);
            }
        }
        return properties;
    }

    static void delete(Path runDirectory) {
        try {
            Files.deleteIfExists(runDirectory.resolve("suite.properties"));
        } catch (IOException e) {
            // harmless, see clear()
        }
    }
}
