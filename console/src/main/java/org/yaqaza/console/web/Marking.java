package org.yaqaza.console.web;

import java.util.Collection;
import java.util.Locale;

import io.quarkus.qute.TemplateData;

/**
 * The classification levels as the services name them, with the banner colour of each (docs/console.md): green
 * UNCLASSIFIED, blue RESTRICTED, purple CONFIDENTIAL, red SECRET, orange TOP SECRET.
 */
@TemplateData
public enum Marking {
    UNCLASSIFIED,
    RESTRICTED,
    CONFIDENTIAL,
    SECRET,
    TOP_SECRET;

    /** CSS class of the banner and of a record's marking badge. */
    public String css() {
        return "marking-" + name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * The highest of the markings shown on a page; a page without records is UNCLASSIFIED, and a value the
     * console does not know counts as TOP SECRET, so that a new level can never be shown under a lower banner.
     */
    public static Marking highest(Collection<String> shown) {
        Marking highest = UNCLASSIFIED;
        for (String value : shown) {
            Marking marking = parse(value);
            if (marking.compareTo(highest) > 0) {
                highest = marking;
            }
        }
        return highest;
    }

    public static Marking parse(String value) {
        if (value == null) {
            return UNCLASSIFIED;
        }
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT).replace(' ', '_').replace('-', '_'));
        } catch (IllegalArgumentException unknown) {
            return TOP_SECRET;
        }
    }
}
