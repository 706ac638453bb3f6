package org.yaqaza.common.security;

import java.util.Comparator;
import java.util.Objects;

/**
 * One origin of a piece of intelligence: the partner service it came from and the TLP it was received under. On
 * the wire {@code {"partner":"be-vsse","tlp":"AMBER"}}; stored as {@code be-vsse:AMBER} (partner ids never hold a
 * colon).
 */
public record LineageEntry(String partner, Tlp tlp) implements Comparable<LineageEntry> {

    private static final Comparator<LineageEntry> ORDER = Comparator.comparing(LineageEntry::partner)
            .thenComparing(LineageEntry::tlp);

    public LineageEntry {
        Objects.requireNonNull(partner, "partner");
        Objects.requireNonNull(tlp, "tlp");
        if (partner.indexOf(':') >= 0) {
            throw new IllegalArgumentException("a partner id holds no colon");
        }
    }

    String encode() {
        return partner + ":" + tlp.label();
    }

    static LineageEntry decode(String stored) {
        int colon = stored.indexOf(':');
        return new LineageEntry(stored.substring(0, colon), Tlp.of(stored.substring(colon + 1)));
    }

    @Override
    public int compareTo(LineageEntry other) {
        return ORDER.compare(this, other);
    }
}
