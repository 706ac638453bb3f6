package org.yaqaza.k8s;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** Renders an overlay with {@code kubectl kustomize}, the same renderer {@code kubectl apply -k} uses. */
final class Kustomize {

    private Kustomize() {
    }

    /** kubectl on PATH, if any. */
    static Optional<Path> kubectl() {
        return onPath("kubectl");
    }

    /** An executable of that name on PATH, if any. */
    static Optional<Path> onPath(String command) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator)) {
            Path candidate = Path.of(dir, command);
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    static String render(Path kubectl, Path overlay) throws IOException, InterruptedException {
        Path errors = Files.createTempFile("kustomize", ".err");
        try {
            Process process = new ProcessBuilder(kubectl.toString(), "kustomize", overlay.toString())
                    .redirectError(errors.toFile())
                    .start();
            byte[] out = process.getInputStream().readAllBytes();
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException("kubectl kustomize " + overlay + " did not finish in 120 s");
            }
            if (process.exitValue() != 0) {
                throw new IOException("kubectl kustomize " + overlay + " failed: " + Files.readString(errors));
            }
            return new String(out, StandardCharsets.UTF_8);
        } finally {
            Files.deleteIfExists(errors);
        }
    }

    /** The repository root (this module's parent), found from the working directory Maven gives the tests. */
    static Path repositoryRoot() {
        Path here = Path.of("").toAbsolutePath();
        for (Path dir = here; dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("k8s/base")) && Files.isRegularFile(dir.resolve("k8s/generate.sh"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no k8s/ directory above " + here);
    }
}
