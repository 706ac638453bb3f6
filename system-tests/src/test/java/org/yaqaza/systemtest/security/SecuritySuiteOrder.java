package org.yaqaza.systemtest.security;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.junit.jupiter.api.ClassDescriptor;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.ClassOrdererContext;

/**
 * The run's class order (junit-platform.properties): as discovered, except that the classes of the shared
 * {@link SecuritySuite} run one after another (the suite is up only while they run) and in a fixed order: first the
 * demo partner's TAXII test, which only reads the demo data, then the hostile input test, which attacks the first
 * record each list shows: that must be the demo data's and not a record another matrix class created (one owned by
 * another agency is not the caller's to change).
 */
public final class SecuritySuiteOrder implements ClassOrderer {

    private static final List<String> ORDER = List.of("org.yaqaza.systemtest.urls.DemoPartnerTaxiiIT",
            HostileInputIT.class.getName(),
            WriteSideMatrixIT.class.getName(), AuthorizationMatrixIT.class.getName());

    @Override
    public void orderClasses(ClassOrdererContext context) {
        reorder(context.getClassDescriptors());
    }

    private static <T extends ClassDescriptor> void reorder(List<T> classes) {
        int first = -1;
        List<T> users = new ArrayList<>();
        for (int i = 0; i < classes.size(); i++) {
            if (ORDER.contains(classes.get(i).getTestClass().getName())) {
                first = first < 0 ? i : first;
                users.add(classes.get(i));
            }
        }
        if (users.isEmpty()) {
            return;
        }
        classes.removeAll(users);
        users.sort(Comparator.comparingInt(d -> ORDER.indexOf(d.getTestClass().getName())));
        classes.addAll(first, users);
    }
}
