package org.yaqaza.systemtest.security;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.junit.jupiter.api.ClassDescriptor;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.ClassOrdererContext;

/**
 * The run's class order (junit-platform.properties): first the classes of each suite that only some classes share,
 * one group after the other, each in a fixed order, then the others as discovered. Each of those suites is up only
 * while its group runs and is stopped by its last user, before the next one starts; the shared suite of the other
 * classes ({@link org.yaqaza.systemtest.scenarios.SharedSuite}) lives until the end of the run, so it starts only
 * after them instead of idling beside their starts and work on the shared cores.
 * <ul>
 * <li>{@link SecuritySuite}: first the demo partner's TAXII test, which only reads the demo data, then the hostile
 * input test, which attacks the first record each list shows: that must be the demo data's and not a record another
 * matrix class created (one owned by another agency is not the caller's to change).</li>
 * <li>{@link org.yaqaza.systemtest.ShortDeadlineSuite}: first the differential no-leak family, whose answers must
 * move only with its own records, then the fault tests and the escalation browser test, and last the backbone test,
 * whose release stops the suite and checks that nothing remains.</li>
 * </ul>
 */
public final class SecuritySuiteOrder implements ClassOrderer {

    private static final List<List<String>> GROUPS = List.of(
            List.of("org.yaqaza.systemtest.urls.DemoPartnerTaxiiIT", HostileInputIT.class.getName(),
                    WriteSideMatrixIT.class.getName(), AuthorizationMatrixIT.class.getName()),
            List.of("org.yaqaza.systemtest.security.differential.DifferentialNoLeakIT",
                    "org.yaqaza.systemtest.faults.FaultToleranceIT",
                    "org.yaqaza.systemtest.console.ConsoleLiaisonEscalationBrowserIT",
                    "org.yaqaza.systemtest.BackboneIT"));

    @Override
    public void orderClasses(ClassOrdererContext context) {
        reorder(context.getClassDescriptors());
    }

    private static <T extends ClassDescriptor> void reorder(List<T> classes) {
        List<T> front = new ArrayList<>();
        for (List<String> group : GROUPS) {
            List<T> users = new ArrayList<>(classes.stream()
                    .filter(c -> group.contains(c.getTestClass().getName())).toList());
            users.sort(Comparator.comparingInt(d -> group.indexOf(d.getTestClass().getName())));
            front.addAll(users);
        }
        classes.removeAll(front);
        classes.addAll(0, front);
    }
}
