package org.articula.benchmarks;

import java.io.PrintStream;
import java.time.Duration;

/**
 * A text progress bar on stderr: the whole run is a number of weighted steps; each phase moves the
 * bar through its share and says what it is doing. Redrawn in place on a terminal, one line per
 * phase otherwise (a log file).
 */
final class Progress {

    private static final int WIDTH = 30;

    private final PrintStream out;
    private final boolean terminal;
    private final double total;
    private final long started = System.nanoTime();
    private double done;
    private double phaseStart;
    private double phaseWeight;
    private String phase = "";

    Progress(PrintStream out, boolean terminal, double totalWeight) {
        this.out = out;
        this.terminal = terminal;
        this.total = totalWeight;
    }

    /** Starts a phase worth {@code weight} of the run (the previous one counts as finished). */
    synchronized void phase(String name, double weight) {
        done = phaseStart + phaseWeight;
        phaseStart = done;
        phaseWeight = weight;
        phase = name;
        draw("", true);
    }

    /** How far the current phase is, from 0 to 1, and a short detail. */
    synchronized void update(double fraction, String detail) {
        done = phaseStart + phaseWeight * Math.max(0, Math.min(1, fraction));
        draw(detail, false);
    }

    synchronized void finish(String detail) {
        done = total;
        draw(detail, true);
        if (terminal) {
            out.println();
        }
    }

    static String bar(double fraction, int width) {
        int filled = (int) Math.round(Math.max(0, Math.min(1, fraction)) * width);
        return "[" + "#".repeat(filled) + ".".repeat(width - filled) + "]";
    }

    private void draw(String detail, boolean newPhase) {
        if (!terminal && !newPhase) {
            return;
        }
        double fraction = total == 0 ? 1 : done / total;
        long seconds = Duration.ofNanos(System.nanoTime() - started).toSeconds();
        String line = String.format("%s %3d%% %4ds  %s%s", bar(fraction, WIDTH), Math.round(fraction * 100), seconds,
                phase, detail.isEmpty() ? "" : ": " + detail);
        if (terminal) {
            out.print("\r" + line + " ".repeat(Math.max(0, 100 - line.length())));
        } else {
            out.println(line);
        }
        out.flush();
    }
}
