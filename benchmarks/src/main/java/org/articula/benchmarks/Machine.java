package org.articula.benchmarks;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What the run is measured on: cores, memory, load, and each service process's resident memory. */
final class Machine {

    // Java 25 says "total reserved R, committed C, used U"; 17 says "total C, used U".
    private static final Pattern HEAP = Pattern.compile("(?:committed|total) (\\d+)K, used (\\d+)K");

    private Machine() {
    }

    static Report.Machine describe(Path root, String loadBefore, String loadAfter) {
        String cpu = proc("/proc/cpuinfo").lines().filter(l -> l.startsWith("model name")).findFirst()
                .map(l -> l.substring(l.indexOf(':') + 1).strip()).orElse("unknown CPU");
        long memoryMb = field(proc("/proc/meminfo"), "MemTotal") / 1024;
        return new Report.Machine(Runtime.getRuntime().availableProcessors(), memoryMb, cpu,
                System.getProperty("java.version"), loadBefore, loadAfter, commit(root),
                memoryMonitor(Path.of("/sys/kernel/mm/damon/admin/kdamonds")));
    }

    /**
     * Whether the kernel's DAMON runs a monitor, and how: on the 2-core machines we measure on, its kdamond
     * thread takes a core for 8-30 ms about every 0.55 s, and the single lots answered meanwhile wait
     * (docs/benchmarks/2026-12-03-latency-tail.md). Reported, never changed: it is the host's memory policy.
     */
    static String memoryMonitor(Path kdamonds) {
        List<Path> each = new ArrayList<>();
        try (DirectoryStream<Path> listed = Files.newDirectoryStream(kdamonds, "[0-9]*")) {
            listed.forEach(each::add);
        } catch (IOException e) {
            return "none"; // no DAMON in this kernel, or not ours to read
        }
        List<String> running = new ArrayList<>();
        for (Path kdamond : each.stream().sorted().toList()) {
            if (!"on".equals(proc(kdamond.resolve("state").toString()).strip())) {
                continue;
            }
            Path context = kdamond.resolve("contexts/0");
            List<String> how = new ArrayList<>();
            how.add(proc(context.resolve("operations").toString()).strip());
            how.add(proc(context.resolve("schemes/0/action").toString()).strip());
            String sampleUs = proc(context.resolve("monitoring_attrs/intervals/sample_us").toString()).strip();
            if (sampleUs.matches("\\d+")) {
                how.add("sampling every " + Long.parseLong(sampleUs) / 1000 + " ms");
            }
            how.removeIf(String::isEmpty);
            String details = how.isEmpty() ? "" : " (" + String.join(", ", how) + ")";
            running.add("kdamond " + kdamond.getFileName() + " on" + details);
        }
        return running.isEmpty() ? "none" : String.join(", ", running);
    }

    /** "0.52 0.80 1.10": the 1, 5 and 15 minute load averages. */
    static String loadAverage() {
        String[] parts = proc("/proc/loadavg").split(" ");
        return parts.length < 3 ? "unknown" : parts[0] + " " + parts[1] + " " + parts[2];
    }

    /** The process's /proc status (empty when it is gone). */
    static String memory(long pid) {
        return proc("/proc/" + pid + "/status");
    }

    /** CPU seconds (user + system) the process has used so far; 0 when it is gone. */
    static double cpuSeconds(long pid) {
        String stat = proc("/proc/" + pid + "/stat");
        if (stat.isEmpty()) {
            return 0;
        }
        // Fields after the command name (which may hold spaces) close with ')'; utime and stime are 14 and 15.
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / 100.0; // USER_HZ is 100 on Linux
    }

    /**
     * CPU seconds used so far by the processes whose command line contains every one of {@code marks},
     * with all their descendants (PostgreSQL's backends are children of the postmaster).
     */
    static double cpuSecondsOfTree(String... marks) {
        Map<Long, Long> parent = new HashMap<>();
        List<Long> roots = new ArrayList<>();
        try (DirectoryStream<Path> processes = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
            for (Path dir : processes) {
                long pid = Long.parseLong(dir.getFileName().toString());
                String stat = proc(dir.resolve("stat").toString());
                if (stat.isEmpty()) {
                    continue;
                }
                parent.put(pid, Long.parseLong(stat.substring(stat.lastIndexOf(')') + 2).split(" ")[1]));
                String commandLine = proc(dir.resolve("cmdline").toString()).replace('\0', ' ');
                if (Arrays.stream(marks).allMatch(commandLine::contains)) {
                    roots.add(pid);
                }
            }
        } catch (IOException e) {
            return 0;
        }
        double seconds = 0;
        for (long pid : parent.keySet()) {
            for (Long p = pid; p != null && p > 1; p = parent.get(p)) {
                if (roots.contains(p)) {
                    seconds += cpuSeconds(pid);
                    break;
                }
            }
        }
        return seconds;
    }

    /** CPU seconds the whole machine has been busy (all cores, every process) since boot. */
    static double machineBusySeconds() {
        String[] f = proc("/proc/stat").lines().findFirst().orElse("cpu 0 0 0 0").split("\\s+");
        long busy = 0;
        for (int i = 1; i < f.length; i++) {
            if (i != 4 && i != 5) { // idle and iowait are not work
                busy += Long.parseLong(f[i]);
            }
        }
        return busy / 100.0;
    }

    static double rssMb(String status) {
        return field(status, "VmRSS") / 1024.0;
    }

    static long peakMb(String status) {
        return field(status, "VmHWM") / 1024;
    }

    /**
     * Where a JVM's resident memory is: its heap (committed and used, from {@code jcmd GC.heap_info}, which
     * does not collect) and the file-backed part of its RSS, e.g. "heap 88 MB committed, 61 MB used; 46 MB
     * file-backed". What is neither is the JVM's own: class metadata and the mapped AOT cache, compiled code,
     * GC structures, threads (docs/benchmarks/2026-12-03-service-memory.md). Only the file-backed part when
     * jcmd cannot say within 20 s.
     */
    static String heapAndFiles(long pid, String status) {
        String files = String.format("%.0f MB file-backed", field(status, "RssFile") / 1024.0);
        List<String> command = commandLine(pid);
        Path jcmd = command.isEmpty() ? null : Path.of(command.get(0)).resolveSibling("jcmd");
        if (jcmd == null || !Files.isExecutable(jcmd)) {
            return files;
        }
        Path out = null;
        try {
            out = Files.createTempFile("heap-info", ".txt");
            // Written to a file, not a pipe, so that a JVM which never answers cannot hold the run up.
            Process p = new ProcessBuilder(jcmd.toString(), Long.toString(pid), "GC.heap_info")
                    .redirectErrorStream(true).redirectOutput(out.toFile()).start();
            if (!p.waitFor(20, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return files;
            }
            String heap = heap(Files.readString(out));
            return heap.isEmpty() ? files : heap + "; " + files;
        } catch (IOException e) {
            return files;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return files;
        } finally {
            if (out != null) {
                out.toFile().delete();
            }
        }
    }

    /** "heap 166 MB committed, 87 MB used" from GC.heap_info's first heap line; empty without one. */
    static String heap(String heapInfo) {
        Matcher m = HEAP.matcher(heapInfo);
        return m.find()
                ? String.format("heap %.0f MB committed, %.0f MB used", Long.parseLong(m.group(1)) / 1024.0,
                        Long.parseLong(m.group(2)) / 1024.0)
                : "";
    }

    /** The process's command line, program first; empty when it is gone. */
    static List<String> commandLine(long pid) {
        try {
            String line = Files.readString(Path.of("/proc/" + pid + "/cmdline"), StandardCharsets.ISO_8859_1);
            return line.isEmpty() ? List.of() : List.of(line.split("\0"));
        } catch (IOException e) {
            return List.of();
        }
    }

    /** Starts the process's peak RSS (VmHWM) again from its current RSS, so a phase's own peak can be read. */
    static void resetPeak(long pid) {
        try {
            Files.writeString(Path.of("/proc/" + pid + "/clear_refs"), "5");
        } catch (IOException e) {
            // not our process, or an old kernel: the peak is then the process's whole life's
        }
    }

    /** A "Name:   1234 kB" line's number. */
    static long field(String text, String name) {
        return text.lines().filter(l -> l.startsWith(name + ":")).findFirst()
                .map(l -> Long.parseLong(l.substring(name.length() + 1).replace("kB", "").strip())).orElse(0L);
    }

    /** Sends System.out to {@code file} until closed (the stack's own messages would break the progress bar). */
    static AutoCloseable quietly(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        PrintStream original = System.out;
        PrintStream log = new PrintStream(new FileOutputStream(file.toFile(), true), true, StandardCharsets.UTF_8);
        System.setOut(log);
        return () -> {
            System.setOut(original);
            log.close();
        };
    }

    private static String commit(Path root) {
        try {
            Process git = new ProcessBuilder("git", "-C", root.toString(), "describe", "--always", "--dirty")
                    .redirectErrorStream(true).start();
            String out = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            return git.waitFor(10, TimeUnit.SECONDS) && git.exitValue() == 0 ? out : "unknown";
        } catch (IOException e) {
            return "unknown";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }

    private static String proc(String path) {
        try {
            return Files.readString(Path.of(path));
        } catch (IOException e) {
            return "";
        }
    }
}
