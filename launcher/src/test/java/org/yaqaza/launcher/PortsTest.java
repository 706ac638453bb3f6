package org.yaqaza.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

class PortsTest {

    @Test
    void freePortsAreDistinct() {
        // more ports than a suite needs, so that a kernel handing one out twice would be caught
        int[] ports = Ports.freePorts(300);
        Set<Integer> distinct = new HashSet<>();
        Arrays.stream(ports).forEach(distinct::add);
        assertEquals(300, distinct.size());
    }

    @Test
    void aSuiteGetsADifferentPortForPostgresqlAndEveryService() {
        SuiteOptions options = SuiteOptions.builder(Path.of(".")).freePorts().build();
        Set<Integer> distinct = new HashSet<>();
        for (SuiteService service : SuiteService.values()) {
            distinct.add(options.port(service));
        }
        distinct.add(options.postgresPort());
        assertEquals(SuiteService.values().length + 1, distinct.size());
    }
}
