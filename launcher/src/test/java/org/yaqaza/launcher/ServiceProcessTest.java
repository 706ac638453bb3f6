package org.yaqaza.launcher;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ServiceProcessTest {

    @Test
    void cpuByThreadSumsThreadsNamedAlikeMostFirst() {
        assumeTrue(Files.isDirectory(Path.of("/proc/self/task")), "Linux only");
        long spent = 0;
        for (int i = 0; i < 2_000_000; i++) {
            spent += Long.toString(i).hashCode(); // some CPU time on this thread
        }
        Map<String, Duration> byThread = ServiceProcess.cpuByThread(ProcessHandle.current().pid());
        assertFalse(byThread.isEmpty(), "spent " + spent);
        assertTrue(byThread.keySet().stream().noneMatch(name -> name.matches(".*\\d$")), byThread.toString());
        Duration previous = null;
        for (Duration d : byThread.values()) {
            assertTrue(previous == null || previous.compareTo(d) >= 0, "most first: " + byThread);
            previous = d;
        }
    }

    @Test
    void cpuByThreadOfAGoneProcessIsEmpty() {
        assertTrue(ServiceProcess.cpuByThread(Long.MAX_VALUE).isEmpty());
    }
}
