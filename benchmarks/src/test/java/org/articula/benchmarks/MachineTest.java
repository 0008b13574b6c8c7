package org.articula.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
    void aServicesHeapIsReadFromG1sHeapInfoWithoutCollecting() {
        String heapInfo = """
                12345:
                 garbage-first heap   total reserved 262144K, committed 165888K, used 86820K [0x00000000f0000000, 0x0000000100000000)
                  region size 1024K, 27 young (27648K), 1 survivors (1024K)
                 Metaspace       used 15000K, committed 16261K, reserved 1114112K
                """;

        assertEquals("heap 162 MB committed, 85 MB used", Machine.heap(heapInfo));
        assertEquals("heap 64 MB committed, 10 MB used",
                Machine.heap(
                        " garbage-first heap   total 65536K, used 10240K [0x00000000f0000000, 0x0000000100000000)"));
        assertEquals("", Machine.heap("12345:\nCould not attach to the process\n"));
    }

    @Test
    void aRunningJvmsHeapAndFileBackedMemoryAreNamed() {
        long self = ProcessHandle.current().pid();

        String split = Machine.heapAndFiles(self, Machine.memory(self));

        // jcmd next to the java running this test answers for it, as for a service.
        assertTrue(split.matches("heap \\d+ MB committed, \\d+ MB used; \\d+ MB file-backed"), split);
    }

    @Test
    void aProcesssCommandLineGivesItsJavaAndTheOptionsBeforeTheJar() {
        long self = ProcessHandle.current().pid();
        String java = ProcessHandle.current().info().command().orElseThrow();

        assertEquals(java, Machine.commandLine(self).get(0));
        assertTrue(StartUp.jvmOptions(self).startsWith(java), StartUp.jvmOptions(self));
        assertFalse(StartUp.jvmOptions(self).contains(" -jar "), StartUp.jvmOptions(self));
        assertEquals(List.of(), Machine.commandLine(Long.MAX_VALUE), "a process that is gone");
        assertEquals("unknown", StartUp.jvmOptions(Long.MAX_VALUE));
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
