package org.yaqaza.common.security;

import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Where a record's information came from: every (originating partner, TLP) pair of the partner material it derives
 * from, transitively. A report carries its own pair; whatever is built from reports or from other records carries the
 * union of theirs. Computed by the server when the record is written, never taken from a client; release checks
 * read it instead of the direct sources. The same partner may appear with two TLPs (two reports): both stay.
 */
public record Lineage(SortedSet<LineageEntry> entries) {

    public static final Lineage NONE = new Lineage(new TreeSet<>());

    public Lineage {
        entries = Collections.unmodifiableSortedSet(new TreeSet<>(entries));
    }

    /** The lineage of one report: its partner and TLP, or none for national material. */
    public static Lineage of(String originatorPartner, Tlp tlp) {
        if (originatorPartner == null) {
            return NONE;
        }
        return new Lineage(new TreeSet<>(List.of(new LineageEntry(originatorPartner, tlp == null ? Tlp.AMBER : tlp))));
    }

    public static Lineage of(Collection<LineageEntry> entries) {
        return new Lineage(new TreeSet<>(entries));
    }

    /** Reads the stored form ({@code partner:TLP} strings), as written by {@link #encode()}. */
    public static Lineage decode(String[] stored) {
        TreeSet<LineageEntry> entries = new TreeSet<>();
        if (stored != null) {
            Arrays.stream(stored).map(LineageEntry::decode).forEach(entries::add);
        }
        return new Lineage(entries);
    }

    public String[] encode() {
        return entries.stream().map(LineageEntry::encode).toArray(String[]::new);
    }

    public Lineage union(Lineage other) {
        TreeSet<LineageEntry> all = new TreeSet<>(entries);
        all.addAll(other.entries);
        return new Lineage(all);
    }

    /** The partners of the lineage, each once (what {@code originatorPartners} lists). */
    public SortedSet<String> partners() {
        TreeSet<String> partners = new TreeSet<>();
        entries.forEach(e -> partners.add(e.partner()));
        return partners;
    }

    /** The most restrictive TLP in the lineage; empty for national material only. */
    public Optional<Tlp> strictest() {
        return entries.stream().map(LineageEntry::tlp).max(Tlp::compareTo);
    }

    public List<LineageEntry> list() {
        return List.copyOf(entries);
    }
}
