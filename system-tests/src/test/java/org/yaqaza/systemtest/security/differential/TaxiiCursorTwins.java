package org.yaqaza.systemtest.security.differential;

import static org.yaqaza.systemtest.security.differential.Cast.ANALYST;
import static org.yaqaza.systemtest.security.differential.Cast.LIAISON;
import static org.yaqaza.systemtest.security.differential.Cast.OTHER_PARTNER;
import static org.yaqaza.systemtest.security.differential.Cast.PARTNER;
import static org.yaqaza.systemtest.security.differential.Cast.SUPERVISOR;
import static org.yaqaza.systemtest.security.differential.Records.SEEN;
import static org.yaqaza.systemtest.security.differential.Records.TAXII;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.yaqaza.systemtest.scenarios.Gateway;
import org.yaqaza.systemtest.scenarios.Gateway.Resp;
import org.yaqaza.systemtest.security.differential.Records.Marking;

/**
 * TAXII paging cursors as the partner {@code es-cni} reads them, one object per page ({@code limit=1}). In each
 * stage three products are released to {@code es-cni}; in the shadowed twin releases to another partner come
 * before and between them, in the lit twin a fourth release to {@code es-cni}. The partner then pages through
 * what was added since the previous stage: the answer is the objects' types and the steps between consecutive
 * {@code next} values (numeric cursors compared by their differences; others only for being opaque).
 */
final class TaxiiCursorTwins implements Consumer<Stage> {

    private static final Marking PRODUCT = new Marking("CONFIDENTIAL", List.of(), List.of("DGED"));

    private final Records r;
    private final Gateway gw;
    private final String collection;
    private String source;
    private String lastAdded;
    private String answer;

    TaxiiCursorTwins(Records records, String collection) {
        this.r = records;
        this.gw = records.gateway();
        this.collection = collection;
    }

    List<Probe> probes() {
        return List.of(new TwinProbe("taxii next cursor", List.of(
                "GET /taxii2/liaison/collections/{collection}/objects"), List.of(PARTNER), List.of(),
                "es-cni pages its collection one object at a time after releases to another partner",
                (caller, stage) -> answer));
    }

    @Override
    public void accept(Stage stage) {
        answer = null;
        if (stage == Stage.REMOVED) {
            return; // a release, once delivered, stays delivered
        }
        if (source == null) {
            source = r.report(ANALYST, "تقرير للإفراج", "نص للإفراج إلى الشركاء.", SEEN, List.of());
            // where the collection ends now (the shared world released to es-cni before)
            lastAdded = java.util.Objects.requireNonNullElse(page("").header("X-TAXII-Date-Added-Last"),
                    "2000-01-01T00:00:00.000000Z");
        }
        List<String> partners = switch (stage) {
            case HIDDEN -> List.of(OTHER_PARTNER, PARTNER, OTHER_PARTNER, OTHER_PARTNER, PARTNER, PARTNER);
            case VISIBLE -> List.of(PARTNER, PARTNER, PARTNER, PARTNER);
            default -> List.of(PARTNER, PARTNER, PARTNER);
        };
        for (String partner : partners) {
            String product = r.product(ANALYST, "منتوج للشركاء", source, PRODUCT);
            r.release(LIAISON, SUPERVISOR, product, partner, "GREEN");
        }
        List<String> types = new ArrayList<>();
        List<String> steps = new ArrayList<>();
        String since = lastAdded;
        String next = null;
        Long previous = null;
        for (int pages = 0; pages < 100; pages++) {
            Resp page = page("?added_after=" + Gateway.enc(since) + "&limit=1"
                    + (next == null ? "" : "&next=" + Gateway.enc(next)));
            types.addAll(page.json().getList("objects.type", String.class));
            if (page.header("X-TAXII-Date-Added-Last") != null) {
                lastAdded = page.header("X-TAXII-Date-Added-Last");
            }
            next = page.json().getString("next");
            if (next == null) {
                break;
            }
            Long n = number(next);
            if (previous != null || n == null) {
                steps.add(n != null ? "+" + (n - previous) : "opaque");
            }
            previous = n;
        }
        answer = "objects: " + types + "\nsteps between next cursors: " + steps;
    }

    private Resp page(String query) {
        return gw.call("GET", "/taxii2/liaison/collections/" + collection + "/objects/" + query, PARTNER, null,
                TAXII).expect(200);
    }

    private static Long number(String cursor) {
        try {
            return Long.parseLong(cursor);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
