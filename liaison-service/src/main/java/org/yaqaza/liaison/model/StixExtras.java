package org.yaqaza.liaison.model;

import java.util.List;

/** Structured content a release carries for its STIX rendering: organisations and detection patterns. */
public record StixExtras(List<Actor> actors, List<Indicator> indicators) {

    public static final StixExtras EMPTY = new StixExtras(List.of(), List.of());

    public StixExtras {
        actors = actors == null ? List.of() : List.copyOf(actors);
        indicators = indicators == null ? List.of() : List.copyOf(indicators);
    }

    /** An organisation: a threat actor (group) or an intrusion set (a campaign-running grouping). */
    public record Actor(String name, ActorKind kind, List<String> aliases, String description) {
    }

    public enum ActorKind {
        THREAT_ACTOR, INTRUSION_SET
    }

    /** A STIX pattern, e.g. {@code [domain-name:value = 'example.org']}, optionally indicating one actor. */
    public record Indicator(String name, String pattern, String indicates) {
    }
}
