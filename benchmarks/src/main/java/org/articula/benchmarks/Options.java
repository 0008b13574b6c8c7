package org.articula.benchmarks;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** What to run, from the command line: {@code --quick}, or the full scale, each figure adjustable. */
record Options(boolean quick, int lots, int batchSize, int connections, int rate, int latencySeconds,
        int warmUpSeconds, List<Integer> settlementProducers, Path out, boolean keep, int clients,
        int closedLoopSeconds, int stored, int overloadSeconds, int overloadRate, boolean restarts) {

    static final String USAGE = """
            usage: ./benchmark [--quick] [--lots N] [--batch N] [--connections N] [--rate N] [--latency-seconds N]
                               [--settlement N,N,...] [--clients N] [--closed-loop-seconds N] [--stored N]
                               [--overload-seconds N] [--overload-rate N] [--[no-]restarts] [--out DIR] [--keep]
              --quick             a short run (under 3 minutes): 20,000 lots, 15 s at 200 lots/s, 10 s closed
                                  loop, 10 s overload, settlements of 1,000 and 10,000 producers
              (default)           the full run: 100,000 lots, 60 s at 200 lots/s, 60 s closed loop at the start
                                  and again with 1,000,000 lots stored, 30 s overload, settlements of 1,000,
                                  10,000, 50,000 and 200,000 producers x 30 lots, start-up alone and restart
              --lots N            lots ingested through the batch API (30 per producer: a fortnight, two shifts),
                                  after up to 20,000 of an earlier fortnight as a warm-up
              --batch N           lots per batch request (at most 10,000)
              --connections N     concurrent batch requests
              --rate N            single lots per second for the latency measurement
              --latency-seconds N how long the latency measurement runs (after a warm-up)
              --settlement N,...  producers (30 lots each) of each settlement measured
              --clients N         closed-loop clients, each sending a lot when its last one is answered
              --closed-loop-seconds N  how long each closed-loop measurement runs (after a warm-up)
              --stored N          lots stored (by the batch API) before the closed loop is measured again;
                                  0: measured once
              --overload-seconds N  how long lots are sent at twice the closed-loop capacity
              --overload-rate N   lots/s of the overload phase instead of twice the closed-loop capacity
              --no-restarts       skip start-up of each service alone and of the stack on its data
              --restarts          measure them in a quick run too
              --out DIR           where the JSON and Markdown reports go (default benchmarks/results)
              --keep              keep the stack's data directory afterwards
            """;

    static Options parse(String[] args, Path root) {
        boolean quick = Arrays.asList(args).contains("--quick");
        int lots = quick ? 20_000 : 100_000;
        int batch = 2_000;
        int connections = 4;
        int rate = 200;
        int latencySeconds = quick ? 15 : 60;
        int warmUp = quick ? 10 : 15; // a separate run first: the single-lot path is not hot after the batches
        List<Integer> settlement = quick ? List.of(1_000, 10_000) : List.of(1_000, 10_000, 50_000, 200_000);
        Path out = root.resolve("benchmarks/results");
        boolean keep = false;
        int clients = 4;
        int closedLoopSeconds = quick ? 10 : 60;
        int stored = quick ? 0 : 1_000_000;
        int overloadSeconds = quick ? 10 : 30;
        int overloadRate = 0;
        boolean restarts = !quick; // a minute or more: the quick run stays under 3 minutes without it
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--quick" -> {
                }
                case "--keep" -> keep = true;
                case "--lots" -> lots = positive(args, ++i);
                case "--batch" -> batch = Math.min(10_000, positive(args, ++i));
                case "--connections" -> connections = positive(args, ++i);
                case "--rate" -> rate = positive(args, ++i);
                case "--latency-seconds" -> latencySeconds = positive(args, ++i);
                case "--settlement" -> settlement = sizes(value(args, ++i));
                case "--clients" -> clients = positive(args, ++i);
                case "--closed-loop-seconds" -> closedLoopSeconds = positive(args, ++i);
                case "--stored" -> stored = Integer.parseInt(value(args, ++i).replace("_", ""));
                case "--overload-seconds" -> overloadSeconds = positive(args, ++i);
                case "--overload-rate" -> overloadRate = positive(args, ++i);
                case "--no-restarts" -> restarts = false;
                case "--restarts" -> restarts = true;
                case "--out" -> out = Path.of(value(args, ++i)).toAbsolutePath();
                case "-h", "--help" -> throw new IllegalArgumentException("");
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        return new Options(quick, lots, batch, connections, rate, latencySeconds, warmUp, settlement, out, keep,
                clients, closedLoopSeconds, stored, overloadSeconds, overloadRate, restarts);
    }

    /** The closed loop's warm-up: half the measurement, at most 10 s (enough for the JIT). */
    int closedLoopWarmUpSeconds() {
        return Math.max(1, Math.min(closedLoopSeconds / 2, 10));
    }

    /** Lots sent through the batch API before the measured ones (an earlier fortnight's), not counted. */
    int batchWarmUp() {
        return Math.min(lots, 20_000);
    }

    /** 30 lots a producer: a fortnight of two shifts a day (15 days; 16-day fortnights give 32). */
    int producers() {
        return (lots + 29) / 30;
    }

    private static String value(String[] args, int i) {
        if (i >= args.length) {
            throw new IllegalArgumentException(args[i - 1] + " needs a value");
        }
        return args[i];
    }

    /** {@code 1_000, 10000,50_000}: comma-separated, spaces and digit separators allowed. */
    private static List<Integer> sizes(String list) {
        List<Integer> sizes = new ArrayList<>();
        for (String n : list.split(",")) {
            sizes.add(Integer.parseInt(n.strip().replace("_", "")));
        }
        return List.copyOf(sizes);
    }

    private static int positive(String[] args, int i) {
        int n = Integer.parseInt(value(args, i).replace("_", ""));
        if (n <= 0) {
            throw new IllegalArgumentException(args[i - 1] + " must be positive");
        }
        return n;
    }
}
