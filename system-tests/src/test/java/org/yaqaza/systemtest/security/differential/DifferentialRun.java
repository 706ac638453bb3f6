package org.yaqaza.systemtest.security.differential;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * Takes every probe's answers at every stage and compares them. What it finds, per probe and caller:
 * <ul>
 * <li>{@link Kind#UNSTABLE}: the answer moved although nothing changed (REPEAT ≠ BASELINE) — the probe compares
 * nothing and must be fixed (or a field that is time by nature declared);</li>
 * <li>{@link Kind#LEAK_ON_ADD}: adding hidden records moved the answer (HIDDEN ≠ BASELINE);</li>
 * <li>{@link Kind#LEAK_ON_REMOVE}: removing hidden records moved it (REMOVED ≠ VISIBLE);</li>
 * <li>{@link Kind#INSENSITIVE}: adding visible records moved no caller's answer — the probe could not see a leak
 * either;</li>
 * <li>{@link Kind#FAILED}: the probe could not take an answer (the call threw).</li>
 * </ul>
 */
final class DifferentialRun {

    enum Kind {
        UNSTABLE, LEAK_ON_ADD, LEAK_ON_REMOVE, INSENSITIVE, FAILED;

        boolean leak() {
            return this == LEAK_ON_ADD || this == LEAK_ON_REMOVE;
        }
    }

    record Finding(Probe probe, String caller, Kind kind, String detail) {

        @Override
        public String toString() {
            return probe.name() + " as " + caller + ": " + kind + "\n      " + detail;
        }
    }

    /** Re-asks of a read-only probe before a difference counts (each a second apart). */
    private static final int REASKS = 2;

    private final Map<Probe, Map<String, EnumMap<Stage, String>>> answers = new ConcurrentHashMap<>();
    private final List<Finding> findings = Collections.synchronizedList(new ArrayList<>());
    private final List<Probe> probes = new ArrayList<>();
    private final Set<String> notes = Collections.synchronizedSet(new LinkedHashSet<>());
    private int comparisons;

    /**
     * The read-only probes of the shared world: {@code world} brings it to each stage, then every probe is asked
     * by every caller (concurrently); probes that must let a cache settle are asked last, once it has.
     */
    void runShared(List<Probe> shared, Consumer<Stage> world, ExecutorService pool) {
        probes.addAll(shared);
        List<Probe> ordered = new ArrayList<>(shared);
        ordered.sort(Comparator.comparing(Probe::settle));
        for (Stage stage : Stage.values()) {
            world.accept(stage);
            long changed = System.nanoTime();
            for (Duration settle : ordered.stream().map(Probe::settle).distinct().toList()) {
                long wait = settle.toMillis() - (System.nanoTime() - changed) / 1_000_000;
                if (wait > 0) {
                    sleep(wait);
                }
                List<Future<?>> asked = new ArrayList<>();
                for (Probe probe : ordered) {
                    if (!probe.settle().equals(settle)) {
                        continue;
                    }
                    for (String caller : probe.callers()) {
                        asked.add(pool.submit(() -> ask(probe, caller, stage)));
                    }
                }
                await(asked);
            }
            for (Probe probe : shared) {
                judge(probe, stage);
            }
        }
        shared.forEach(this::judgeSensitivity);
    }

    /**
     * Probes of twin worlds, stage after stage: {@code twins} builds the stage's own world (and acts in it: approves,
     * releases, opens streams), then every probe answers for every caller. Nothing else runs meanwhile.
     */
    void runTwins(Consumer<Stage> twins, List<Probe> together) {
        probes.addAll(together);
        for (Stage stage : Stage.values()) {
            try {
                twins.accept(stage);
            } catch (RuntimeException | AssertionError e) {
                together.forEach(p -> findings.add(new Finding(p, "-", Kind.FAILED, stage + ": " + e)));
                return;
            }
            for (Probe probe : together) {
                for (String caller : probe.callers()) {
                    ask(probe, caller, stage);
                }
                judge(probe, stage);
            }
        }
        together.forEach(this::judgeSensitivity);
    }

    private void ask(Probe probe, String caller, Stage stage) {
        try {
            answer(probe, caller).put(stage, Objects.requireNonNullElse(probe.observe(caller, stage), NONE));
        } catch (RuntimeException | AssertionError e) {
            findings.add(new Finding(probe, caller, Kind.FAILED, stage + ": " + e));
            answer(probe, caller).put(stage, NONE);
        }
    }

    /** The answer of a stage that does not apply to a probe (or that failed): never compared. */
    private static final String NONE = "\u0000none";

    private EnumMap<Stage, String> answer(Probe probe, String caller) {
        return answers.computeIfAbsent(probe, p -> new ConcurrentHashMap<>())
                .computeIfAbsent(caller, c -> new EnumMap<>(Stage.class));
    }

    private void judge(Probe probe, Stage stage) {
        for (String caller : probe.callers()) {
            EnumMap<Stage, String> a = answer(probe, caller);
            switch (stage) {
                case REPEAT -> {
                    if (!compare(probe, caller, a, Stage.BASELINE, Stage.REPEAT)) {
                        // nothing changed between the two: if the re-asks agree with each other, the first answer
                        // was the odd one (a part that timed out) and is taken again
                        String again = reask(probe, caller, stage);
                        if (again != null && again.equals(reask(probe, caller, stage))) {
                            notes.add(probe.name() + " as " + caller + ": baseline taken again");
                            a.put(Stage.BASELINE, again);
                            a.put(Stage.REPEAT, again);
                        } else {
                            findings.add(new Finding(probe, caller, Kind.UNSTABLE,
                                    Answers.difference(a.get(Stage.BASELINE), a.get(Stage.REPEAT))));
                        }
                    }
                }
                case HIDDEN -> {
                    if (!compare(probe, caller, a, Stage.BASELINE, Stage.HIDDEN)) {
                        findings.add(new Finding(probe, caller, Kind.LEAK_ON_ADD,
                                Answers.difference(a.get(Stage.BASELINE), a.get(Stage.HIDDEN))));
                    }
                }
                case REMOVED -> {
                    if (!compare(probe, caller, a, Stage.VISIBLE, Stage.REMOVED)) {
                        findings.add(new Finding(probe, caller, Kind.LEAK_ON_REMOVE,
                                Answers.difference(a.get(Stage.VISIBLE), a.get(Stage.REMOVED))));
                    }
                }
                default -> {
                }
            }
        }
    }

    /** Equal answers (re-asking a read-only probe first); true also when a stage does not apply. */
    private boolean compare(Probe probe, String caller, EnumMap<Stage, String> a, Stage reference, Stage later) {
        if (NONE.equals(a.get(reference)) || NONE.equals(a.get(later))) {
            return true;
        }
        synchronized (this) {
            comparisons++;
        }
        if (a.get(reference).equals(a.get(later))) {
            return true;
        }
        for (int i = 0; i < REASKS; i++) {
            String again = reask(probe, caller, later);
            if (again == null) {
                return false;
            }
            a.put(later, again);
            if (again.equals(a.get(reference))) {
                notes.add(probe.name() + " as " + caller + ": " + later + " asked again");
                return true;
            }
        }
        return false;
    }

    private String reask(Probe probe, String caller, Stage stage) {
        if (!probe.readOnly()) {
            return null;
        }
        sleep(1000);
        try {
            return probe.observe(caller, stage);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** The probe can fail: some caller's answer moved when records it may see were added. */
    private void judgeSensitivity(Probe probe) {
        Stage reference = probe.accumulating() ? Stage.HIDDEN : Stage.BASELINE;
        boolean moved = false;
        for (String caller : probe.callers()) {
            EnumMap<Stage, String> a = answer(probe, caller);
            String before = a.get(reference);
            String after = a.get(Stage.VISIBLE);
            if (before != null && after != null && !NONE.equals(before) && !NONE.equals(after)) {
                synchronized (this) {
                    comparisons++;
                }
                moved |= !before.equals(after);
            }
        }
        if (!moved) {
            String sample = probe.callers().isEmpty() ? "" : Answers.cut(answer(probe, probe.callers().get(0))
                    .get(Stage.VISIBLE), 300);
            findings.add(new Finding(probe, "every caller", Kind.INSENSITIVE,
                    "no caller's answer moved when visible records were added: " + sample));
        }
    }

    List<Finding> findings() {
        synchronized (findings) {
            return List.copyOf(findings);
        }
    }

    List<Probe> probes() {
        return List.copyOf(probes);
    }

    int comparisons() {
        return comparisons;
    }

    Set<String> notes() {
        return notes;
    }

    /** Every caller of every probe. */
    Set<String> callers() {
        Set<String> all = new LinkedHashSet<>();
        probes.forEach(p -> all.addAll(p.callers()));
        return all;
    }

    /** A caller's answers of one probe by stage (for the printed report). */
    Map<Stage, String> answers(Probe probe, String caller) {
        return new LinkedHashMap<>(answer(probe, caller));
    }

    private static void await(List<Future<?>> futures) {
        for (Future<?> f : futures) {
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            } catch (ExecutionException e) {
                throw new IllegalStateException(e.getCause());
            }
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
