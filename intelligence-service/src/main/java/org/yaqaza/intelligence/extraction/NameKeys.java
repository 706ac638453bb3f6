package org.yaqaza.intelligence.extraction;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.yaqaza.intelligence.screening.NameNormaliser.Part;

/**
 * The look-up keys of a name for extraction, built from the screening normaliser's part keys (so every spelling
 * rule screening knows applies here too): one key per choice of a key for each part, the chosen keys sorted and
 * joined. Sorting makes the family-name-first order the same key; the same function serves the stored names and
 * the windows of a text, so a window finds a name exactly when each of its parts shares a key with one of the
 * name's parts.
 */
public final class NameKeys {

    /** Most keys made of one name (each part has one to three keys; longer names stop here). */
    static final int MAX_KEYS = 32;

    private NameKeys() {
    }

    public static Set<String> of(List<Part> parts) {
        List<List<String>> combos = new ArrayList<>();
        combos.add(List.of());
        for (Part part : parts) {
            List<List<String>> next = new ArrayList<>();
            for (List<String> combo : combos) {
                for (String key : part.keys()) {
                    if (next.size() >= MAX_KEYS) {
                        break;
                    }
                    List<String> longer = new ArrayList<>(combo);
                    longer.add(key);
                    next.add(longer);
                }
            }
            combos = next;
        }
        Set<String> keys = new TreeSet<>();
        for (List<String> combo : combos) {
            if (!combo.isEmpty()) {
                keys.add(String.join(" ", sorted(combo)));
            }
        }
        return keys;
    }

    private static List<String> sorted(List<String> keys) {
        List<String> copy = new ArrayList<>(keys);
        copy.sort(null);
        return copy;
    }
}
