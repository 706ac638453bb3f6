package org.yaqaza.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** One service JVM of the suite: started with its environment, output appended to its log file. */
final class ServiceProcess {

    /** Marks the JVMs of a suite on their command line, so that {@code down} only ever stops its own. */
    static final String MARKER_PROPERTY = "org.yaqaza.suite";

    /** USER_HZ of /proc's tick counts: 100 on every Linux platform Java runs on. */
    private static final long CLOCK_TICKS = 100;

    private static final Pattern VM_RSS = Pattern.compile("^VmRSS:\\s+(\\d+)\\s+kB", Pattern.MULTILINE);

    private final SuiteService service;
    private final int port;
    private final Path logFile;
    private final HttpClient http;
    private Process process;
    private long startedNanos;
    private Duration readyAfter;
    private long residentKilobytes = -1;
    private Duration cpuUntilReady;
    private Map<String, Duration> cpuByThreadUntilReady = Map.of();

    ServiceProcess(SuiteService service, int port, Path logFile, HttpClient http) {
        this.service = service;
        this.port = port;
        this.logFile = logFile;
        this.http = http;
    }

    void start(List<String> jvmOptions, Path jar, Map<String, String> environment, Path workingDirectory) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-D" + MARKER_PROPERTY + "=" + service.id());
        command.add("-jar");
        command.add(jar.toString());
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(workingDirectory.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
        builder.environment().putAll(environment);
        try {
            Files.writeString(logFile, "==== " + Instant.now() + " starting " + service.id() + " on port " + port
                    + " ====\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
            startedNanos = System.nanoTime();
            process = builder.start();
        } catch (IOException e) {
            throw new LauncherException("could not start " + service.id() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Polls {@code /q/health/ready} every {@code interval} until it answers 200; then records the time since the
     * process started and its resident memory. Fails early when the process exits.
     */
    void awaitReady(Instant deadline, Duration interval) {
        awaitHealth("/q/health/ready", "ready", deadline, interval);
        readyAfter = Duration.ofNanos(System.nanoTime() - startedNanos);
        residentKilobytes = residentKilobytes(process.pid()).orElse(-1);
        cpuUntilReady = process.info().totalCpuDuration().orElse(null);
        cpuByThreadUntilReady = cpuByThread(process.pid());
    }

    /**
     * Polls a health endpoint of the service (e.g. a health group) every {@code interval} until it answers 200;
     * {@code state} names what is awaited in the failure message. Fails early when the process exits.
     */
    void awaitHealth(String path, String state, Instant deadline, Duration interval) {
        URI health = URI.create("http://127.0.0.1:" + port + path);
        HttpRequest request = HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(2)).GET().build();
        String lastAnswer = "";
        while (true) {
            if (!process.isAlive()) {
                String tail = tail(25);
                throw new LauncherException(service.id() + " exited with code " + process.exitValue()
                        + " before it was " + state + ". Its log is " + logFile + "; last lines:\n" + tail
                        + hint(tail));
            }
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return;
                }
                lastAnswer = response.body();
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new LauncherException("interrupted while waiting for " + service.id());
            }
            if (Instant.now().isAfter(deadline)) {
                throw new LauncherException(service.id() + " was not " + state + " at " + health
                        + " within the time limit (" + lastAnswer + "). Its log is " + logFile + "; last lines:\n"
                        + tail(25));
            }
            try {
                Thread.sleep(interval.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new LauncherException("interrupted while waiting for " + service.id());
            }
        }
    }

    /** Asks the JVM to stop (SIGTERM: Quarkus shuts down gracefully) without waiting. */
    void requestStop() {
        if (process != null && process.isAlive()) {
            process.descendants().forEach(ProcessHandle::destroy);
            process.destroy();
        }
    }

    /** Waits for the JVM to exit; kills it (and anything it started) when it takes longer than {@code timeout}. */
    void awaitStop(Duration timeout) {
        if (process == null) {
            return;
        }
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /** Kills the JVM at once (SIGKILL on Linux, like a crash) and waits up to {@code timeout} for it to be gone. */
    void kill(Duration timeout) {
        if (process == null) {
            return;
        }
        process.destroyForcibly();
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new LauncherException(service.id() + " (pid " + process.pid() + ") did not exit after SIGKILL");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LauncherException("interrupted while killing " + service.id());
        }
    }

    boolean isAlive() {
        return process != null && process.isAlive();
    }

    SuiteService service() {
        return service;
    }

    int port() {
        return port;
    }

    Path logFile() {
        return logFile;
    }

    long pid() {
        return process == null ? -1 : process.pid();
    }

    OptionalLong exitCode() {
        return process == null || process.isAlive() ? OptionalLong.empty() : OptionalLong.of(process.exitValue());
    }

    Duration readyAfter() {
        return readyAfter;
    }

    long residentKilobytes() {
        return residentKilobytes;
    }

    /** CPU time (user + system) the JVM used until ready: unlike wall time, barely affected by other load. */
    Duration cpuUntilReady() {
        return cpuUntilReady;
    }

    Map<String, Duration> cpuByThreadUntilReady() {
        return cpuByThreadUntilReady;
    }

    /**
     * CPU time (user + system) of each thread of a process from {@code /proc/<pid>/task/<tid>/stat} (Linux), summed
     * over threads whose names differ only by a number ("executor-thread-3"), most first; empty elsewhere.
     */
    static Map<String, Duration> cpuByThread(long pid) {
        Map<String, Long> ticks = new HashMap<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            for (Path task : tasks.toList()) {
                try {
                    String stat = Files.readString(task.resolve("stat"));
                    int open = stat.indexOf('(');
                    int close = stat.lastIndexOf(')');
                    // after the name: state is field 3, utime and stime fields 14 and 15
                    String[] fields = stat.substring(close + 2).split(" ");
                    String name = stat.substring(open + 1, close).replaceAll("[-#\\s]*\\d+$", "");
                    ticks.merge(name, Long.parseLong(fields[11]) + Long.parseLong(fields[12]), Long::sum);
                } catch (IOException | RuntimeException gone) {
                    // the thread ended meanwhile
                }
            }
        } catch (IOException | UncheckedIOException e) {
            return Map.of();
        }
        Map<String, Duration> result = new LinkedHashMap<>();
        ticks.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .forEach(e -> result.put(e.getKey(), Duration.ofMillis(e.getValue() * 1000 / CLOCK_TICKS)));
        return result;
    }

    /** VmRSS of a process from {@code /proc/<pid>/status} (Linux); empty elsewhere or when it is gone. */
    static OptionalLong residentKilobytes(long pid) {
        try {
            Matcher matcher = VM_RSS.matcher(Files.readString(Path.of("/proc", Long.toString(pid), "status")));
            return matcher.find() ? OptionalLong.of(Long.parseLong(matcher.group(1))) : OptionalLong.empty();
        } catch (IOException | UncheckedIOException e) {
            return OptionalLong.empty();
        }
    }

    /** Advice for failures a developer meets while migrations are still being written. */
    private String hint(String logTail) {
        if (logTail.contains("Migration checksum mismatch") || logTail.contains("Detected applied migration not")) {
            Path postgres = logFile.getParent().resolveSibling("postgres");
            return "\n\nHint: " + service.id() + "'s database was migrated by an earlier build whose migration"
                    + " files have changed since. For a local suite, start over with empty databases (keys and"
                    + " secrets are kept): ./yaqaza down; rm -rf " + postgres;
        }
        return "";
    }

    private String tail(int lines) {
        try {
            List<String> all = Files.readAllLines(logFile, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(log not readable: " + e.getMessage() + ")";
        }
    }
}
