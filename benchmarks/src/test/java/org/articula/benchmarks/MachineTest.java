package org.articula.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MachineTest {

    @Test
    void aRunningMemoryMonitorIsReportedWithWhatItWatchesDoesAndHowOften(@TempDir Path kdamonds) throws IOException {
        write(kdamonds.resolve("0/state"), "on\n");
        write(kdamonds.resolve("0/contexts/0/operations"), "paddr\n");
        write(kdamonds.resolve("0/contexts/0/schemes/0/action"), "pageout\n");
        write(kdamonds.resolve("0/contexts/0/monitoring_attrs/intervals/sample_us"), "500000\n");
        write(kdamonds.resolve("1/state"), "off\n");
        write(kdamonds.resolve("nr_kdamonds"), "2\n");

        assertEquals("kdamond 0 on (paddr, pageout, sampling every 500 ms)", Machine.memoryMonitor(kdamonds));
    }

    @Test
    void aMonitorWhoseSettingsCannotBeReadIsStillReportedAsRunning(@TempDir Path kdamonds) throws IOException {
        write(kdamonds.resolve("0/state"), "off\n");
        write(kdamonds.resolve("1/state"), "on\n");
        write(kdamonds.resolve("1/contexts/0/monitoring_attrs/intervals/sample_us"), "soon\n");

        assertEquals("kdamond 1 on", Machine.memoryMonitor(kdamonds));
    }

    @Test
    void noMonitorRunningOrNoDamonAtAllIsNone(@TempDir Path kdamonds) throws IOException {
        write(kdamonds.resolve("0/state"), "off\n");

        assertEquals("none", Machine.memoryMonitor(kdamonds));
        assertEquals("none", Machine.memoryMonitor(kdamonds.resolve("absent")));
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}
