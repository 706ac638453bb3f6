package org.yaqaza.systemtest.security.differential;

import java.time.Duration;
import java.util.List;

/**
 * One differential question: a caller's answer, normalised, taken at each {@link Stage}. Two answers of the same
 * caller must be equal unless the records the caller may see changed in between.
 */
public interface Probe {

    /** A short name, unique in the family; the known-channel list refers to it. */
    String name();

    /** The OpenAPI operations whose answers this probe compares, as {@code "GET /api/..."}. */
    List<String> operations();

    /** The callers whose answers are compared. */
    List<String> callers();

    /**
     * The answer fields left out of every comparison because they are time by nature (a creation instant, the
     * {@code asOf} echoed back); empty for most probes.
     */
    List<String> timeFields();

    /** This caller's normalised answer at this stage, or null when the stage does not apply to the probe. */
    String observe(String caller, Stage stage);

    /**
     * True when asking again changes nothing (a plain read): the runner then asks concurrently and asks again
     * before calling a difference a difference (a dashboard part can time out under load).
     */
    default boolean readOnly() {
        return false;
    }

    /**
     * True when the probe reads the shared, accumulating world: the visible records of {@link Stage#VISIBLE} come
     * on top of the hidden ones, so "the probe can fail" is judged against {@link Stage#HIDDEN}; a twin probe's lit
     * twin is judged against its plain one.
     */
    default boolean accumulating() {
        return false;
    }

    /** How long after the world changed the answer may still show the old state (a cache the service keeps). */
    default Duration settle() {
        return Duration.ZERO;
    }

    /** What the probe does in a sentence, for the printed list. */
    String describe();
}
