package org.articula.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.articula.benchmarks.Report.Better;
import org.articula.benchmarks.Report.Figure;
import org.articula.localstack.FreePorts;
import org.articula.localstack.LocalStack;
import org.articula.localstack.SampleDistributions;

/**
 * {@code ./benchmark [--quick]}: starts the whole system as {@code ./articula} does (fresh data
 * directory, free ports), registers sample-like data at the chosen scale through the APIs, measures
 * the five figures of issue 8 and their baselines on the same database, writes
 * {@code benchmarks/results/<timestamp>.json} and {@code .md}, and stops everything it started.
 */
public final class Benchmark {

    static final ZoneId LIMA = ZoneId.of("America/Lima");

    // Issue 19's targets for the 2-core build machine (issue 8's, met or replaced, in docs/benchmarks).
    static final double TARGET_LOTS_PER_SECOND = 10_000;
    static final double TARGET_SHARE_OF_EVERY_ROW = 0.5;
    static final double TARGET_SINGLE_P99_MS = 20;
    static final double TARGET_PROPAGATION_P99_MS = 1_000;
    static final double TARGET_CLOSED_LOOP_PER_SECOND = 1_000;
    static final double TARGET_CPU_PER_LOT_MS = 2;
    static final double TARGET_OVERLOAD_WAIT_MS = 1_000;
    static final double TARGET_OVERLOAD_ACCEPTED_P99_MS = 50;
    static final double TARGET_SETTLEMENT_200K_S = 60;
    static final double TARGET_SETTLEMENT_RATIO = 2;
    static final double TARGET_RSS_MB = 250;
    static final double TARGET_START_S = 3;
    static final double TARGET_RESTART_S = 20;
    private static final int IDLE_SECONDS = 40; // memory read again once a G1 periodic cycle (30 s) could run

    private final Options options;
    private final Path root;
    private final Api api = new Api();
    private final List<Figure> figures = new ArrayList<>();
    private final Map<String, Object> details = new LinkedHashMap<>();

    private Benchmark(Options options, Path root) {
        this.options = options;
        this.root = root;
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(System.getProperty("articula.root", ".")).toAbsolutePath().normalize();
        Options options;
        try {
            options = Options.parse(args, root);
        } catch (IllegalArgumentException e) {
            System.err.println((e.getMessage().isEmpty() ? "" : e.getMessage() + "\n") + Options.USAGE);
            System.exit(2);
            return;
        }
        new Benchmark(options, root).run();
        System.exit(0); // the HTTP client's threads are not daemons
    }

    /** The stack's data directory: PostgreSQL's and Kafka's processes are found by it. */
    private Path home;

    private void run() throws Exception {
        Instant began = Instant.now();
        String loadBefore = Machine.loadAverage();
        double settlementWeight = options.settlementProducers().stream().mapToDouble(n -> 2 + n / 2_000.0).sum();
        Progress progress = new Progress(System.err, System.console() != null, 71 + settlementWeight + 40
                + options.stored() / 20_000.0);
        home = Files.createTempDirectory(Path.of(System.getenv().getOrDefault("ARTICULA_BENCH_TMP",
                System.getProperty("java.io.tmpdir"))), "articula-bench-");
        progress.phase("starting PostgreSQL, Kafka and the three services", 10);
        LocalStack stack;
        try (var ignored = Machine.quietly(home.resolve("logs/local-stack.out"))) {
            stack = LocalStack.start(root, home, stackEnv());
        }
        try {
            measure(stack, progress);
        } finally {
            progress.phase("stopping", 0);
            try (var ignored = Machine.quietly(home.resolve("logs/local-stack.out"))) {
                stack.close();
            }
        }
        try {
            if (options.restarts()) {
                measureRestart(progress);
            }
        } finally {
            if (!options.keep()) {
                deleteTree(home.resolve("postgres"));
                deleteTree(home.resolve("kafka"));
            }
        }
        progress.finish("done in " + ChronoUnit.SECONDS.between(began, Instant.now()) + " s");
        Report report = new Report(options.quick() ? "quick" : "full", began.truncatedTo(ChronoUnit.SECONDS).toString(),
                Machine.describe(root, loadBefore, Machine.loadAverage()), figures, details);
        Files.createDirectories(options.out());
        String name = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneId.systemDefault()).format(began)
                + (options.quick() ? "-quick" : "");
        Path json = options.out().resolve(name + ".json");
        Path md = options.out().resolve(name + ".md");
        Files.writeString(json, report.json());
        Files.writeString(md, report.markdown());
        System.out.println(report.markdown());
        System.out.println("Written " + json + " and " + md + "; service logs in " + home.resolve("logs"));
    }

    private void measure(LocalStack stack, Progress progress) throws Exception {
        Map<Long, String> rssAtStart = memoryOfEachService(stack);
        LocalDate today = LocalDate.now(LIMA);
        LocalDate[] ingestionDays = SampleDistributions.lastCompleteFortnight(today);
        LocalDate[] latencyDays = SampleDistributions.lastCompleteFortnight(ingestionDays[0]);
        Population population = registerPopulation(stack, progress);
        String lots = stack.baseUrl("lots-service");
        LocalDate[] warmUpDays = SampleDistributions.lastCompleteFortnight(latencyDays[0]);
        int batchWarmUp = warmUpBatchIngestion(stack, population, lots, warmUpDays, progress);
        // Every later phase takes its lots from fortnights before the batch warm-up's.
        LotSupply supply = new LotSupply(population, warmUpDays);
        ClosedLoop.Result capacity = measureClosedLoop(stack, lots, supply, "at the start", progress);
        measureBatchIngestion(stack, population, lots, ingestionDays, batchWarmUp, progress);
        measureSingleLots(stack, population, lots, latencyDays, progress);
        if (options.stored() > 0) {
            storeUpTo(stack, population, lots, supply, progress);
            capacity = measureClosedLoop(stack, lots, supply,
                    String.format("with %,d lots stored", options.stored()), progress);
        }
        measureOverload(stack, lots, supply, capacity, progress);
        measureSettlements(stack, ingestionDays, progress);
        measureMemory(stack, rssAtStart, progress);
        if (options.restarts()) {
            progress.phase("start-up of each service alone", 4);
            figures.addAll(StartUp.eachServiceAlone(stack, TARGET_START_S));
        }
    }

    /** {@code ./articula} again on the data the run left: PostgreSQL, Kafka and every service ready. */
    private void measureRestart(Progress progress) throws Exception {
        progress.phase("the whole stack started again on its data", 4);
        Thread.sleep(2_000);
        long t0 = System.nanoTime();
        try (var ignored = Machine.quietly(home.resolve("logs/local-stack.out"));
                LocalStack again = LocalStack.start(root, home, stackEnv())) {
            double seconds = (System.nanoTime() - t0) / 1e9;
            String each = again.serviceProcesses().stream()
                    .map(p -> String.format("%s %.1f s", p.name(), p.startUp().toMillis() / 1000.0))
                    .collect(Collectors.joining(", "));
            figures.add(new Figure("start-up of the whole stack on existing data", "PostgreSQL, Kafka, 3 services and "
                    + "the web app", seconds, "s", Better.LOWER, null, null, TARGET_RESTART_S,
                    "as ./articula does, to every service ready; " + each));
        }
    }

    private static Map<Long, String> memoryOfEachService(LocalStack stack) {
        Map<Long, String> rss = new HashMap<>();
        for (LocalStack.ServiceProcess p : stack.serviceProcesses()) {
            rss.put(p.pid(), Machine.memory(p.pid()));
        }
        return rss;
    }

    private Population registerPopulation(LocalStack stack, Progress progress) throws Exception {
        progress.phase("registering " + options.producers() + " producers in networks of 8 with group agreements", 8);
        Population population = Population.register(api, stack, options.producers(), progress);
        details.put("population", Map.of("producers", population.producers.size(), "networks",
                population.networks.size(), "agreements", population.agreements.size()));
        return population;
    }

    /** Sends an earlier fortnight's lots by the batch API, not counted; returns how many. */
    private int warmUpBatchIngestion(LocalStack stack, Population population, String lots, LocalDate[] warmUpDays,
            Progress progress) throws Exception {
        // An earlier fortnight's lots first, not counted: a production service is warm, and the JIT compiling
        // the batch path (a quarter of lots-service's CPU in the first 100,000 lots) is start-up, not speed.
        int batchWarmUp = options.batchWarmUp();
        progress.phase("warm-up: " + batchWarmUp + " lots by the batch API (not counted)", 4);
        Ingestion.viaBatchApi(this.api, lots, population.milkLots(warmUpDays, batchWarmUp), options.batchSize(),
                options.connections(), progress);
        awaitPayments(stack, population, batchWarmUp, System.nanoTime());
        return batchWarmUp;
    }

    /** The batch API against plain JDBC (its lot rows; every row it stored), its CPU per part, payments catching up. */
    private void measureBatchIngestion(LocalStack stack, Population population, String lots, LocalDate[] ingestionDays,
            int batchWarmUp, Progress progress) throws Exception {
        progress.phase("batch ingestion of " + options.lots() + " lots (" + options.batchSize() + " a batch, "
                + options.connections() + " connections)", 20);
        List<Map<String, Object>> measured = population.milkLots(ingestionDays, options.lots());
        Map<String, Long> insertedBefore = EveryRowBaseline.inserted(stack);
        Map<String, Double> cpuBefore = cpu(stack);
        Ingestion.Result api = Ingestion.viaBatchApi(this.api, lots, measured, options.batchSize(),
                options.connections(), progress);
        long ingestionEnd = System.nanoTime();
        Map<String, Double> cpuAfter = cpu(stack);
        String scale = String.format("%,d lots, %,d a batch, %d connections", api.lots(), options.batchSize(),
                options.connections());

        progress.phase("payments-service catching up with the ingested lots", 4);
        double catchUp = awaitPayments(stack, population, batchWarmUp + api.lots(), ingestionEnd);
        EveryRowBaseline.Writes writes = EveryRowBaseline.writes(insertedBefore, EveryRowBaseline.inserted(stack),
                api.lots());
        details.put("rowsStoredPerLot", writes.rowsPerLot());

        progress.phase("baselines: the lot rows, then every row stored, by plain JDBC batch insert", 8);
        Ingestion.Result jdbc = EveryRowBaseline.run(stack, population.association, EveryRowBaseline.LOT_ROWS_ONLY,
                api.lots(), options.batchSize(), options.connections(), progress);
        Ingestion.Result everyRow = EveryRowBaseline.run(stack, population.association, writes, api.lots(),
                options.batchSize(), options.connections(), progress);
        addIngestionFigures(api, jdbc, everyRow, writes, scale);
        addCpuPerThousandLots(cpuBefore, cpuAfter, api.lots());
        details.put("batchRequestMillis", Map.of("p50", api.batchMillis().millis(50), "p99",
                api.batchMillis().millis(99), "max", api.batchMillis().maxMillis()));
        figures.add(new Figure("payments read model complete after batch ingestion", scale, catchUp, "s",
                Better.LOWER, null, null, null, "from the last batch answered to the last of its lots in payments' "
                        + "lot_ref (backlog of the event path under bulk load)"));
    }

    private void addIngestionFigures(Ingestion.Result api, Ingestion.Result jdbc, Ingestion.Result everyRow,
            EveryRowBaseline.Writes writes, String scale) {
        String copied = String.join(", ", EveryRowBaseline.copied(writes));
        List<String> missing = EveryRowBaseline.notCopied(writes);
        figures.add(new Figure("batch ingestion", scale, api.perSecond(), "lots/s", Better.HIGHER, jdbc.perSecond(),
                "plain JDBC batch insert of the lot rows", TARGET_LOTS_PER_SECOND, null));
        figures.add(new Figure("batch ingestion, against every row stored", scale, api.perSecond(), "lots/s",
                Better.HIGHER, everyRow.perSecond(), "plain JDBC batch insert of every row stored per lot",
                null, "rows per lot copied from " + copied
                        + (missing.isEmpty() ? "" : "; not copied (no source known): " + missing)));
        figures.add(new Figure("batch ingestion, share of every-row JDBC", scale,
                api.perSecond() / everyRow.perSecond(), "x", Better.HIGHER, null, null, TARGET_SHARE_OF_EVERY_ROW,
                null));
    }

    // CPU time per lot is what a busy machine changes least: the figure to compare builds by.
    private void addCpuPerThousandLots(Map<String, Double> cpuBefore, Map<String, Double> cpuAfter, int lots) {
        addCpuPerPart("CPU time per 1,000 lots during batch ingestion", "", cpuBefore, cpuAfter, lots, 1_000,
                part -> switch (part) {
                    case "payments-service" ->
                        "the part of the event backlog it consumed while the batches were being recorded";
                    case PART_POSTGRES -> "the postmaster and every backend of the three databases";
                    case PART_CLIENT -> "this benchmark's own process: sending the batches and checking the answers";
                    case PART_MACHINE -> "every process on both cores, the benchmark's client and other work included";
                    default -> null;
                });
    }

    /** Single lots at a steady rate: their latency, their propagation to payments-service and their CPU. */
    private void measureSingleLots(LocalStack stack, Population population, String lots, LocalDate[] latencyDays,
            Progress progress) throws Exception {
        int warmUp = options.rate() * options.warmUpSeconds();
        int count = warmUp + options.rate() * options.latencySeconds();
        progress.phase("single lots at " + options.rate() + "/s for " + (options.warmUpSeconds()
                + options.latencySeconds()) + " s, and their propagation to payments-service", 15);
        Map<String, Double> cpuBeforeSingle = cpu(stack);
        Latency.Result single = Latency.measure(this.api, lots, stack.database("payments"),
                population.milkLots(latencyDays, count), options.rate(), warmUp, progress);
        Map<String, Double> cpuAfterSingle = cpu(stack);
        if (single.latency().count() < count - warmUp) {
            throw new IllegalStateException("not enough lots for the latency run");
        }
        String latencyScale = String.format("%d lots/s for %d s (after %d s warm-up), achieved %.0f/s",
                options.rate(), options.latencySeconds(), options.warmUpSeconds(), single.achievedRate());
        addLatencyAndPropagation(single, latencyScale);
        addCpuPerPart("CPU time per single lot", "", cpuBeforeSingle, cpuAfterSingle, count, 1,
                part -> part.equals(PART_MACHINE) ? "warm-up included; the client and other work too" : null);
    }

    /** Clients sending lots one after another: the single-lot capacity, its latency and CPU per lot. */
    private ClosedLoop.Result measureClosedLoop(LocalStack stack, String lots, LotSupply supply, String when,
            Progress progress) throws Exception {
        progress.phase(options.clients() + " clients sending single lots closed loop, " + when, 10);
        ClosedLoop.warmUp(api, lots, supply, options.clients(), options.closedLoopWarmUpSeconds(), progress);
        Map<String, Double> cpuBefore = cpu(stack);
        ClosedLoop.Result r = ClosedLoop.measure(api, lots, supply, options.clients(), options.closedLoopSeconds(),
                progress);
        Map<String, Double> cpuAfter = cpu(stack);
        String scale = String.format("%d clients for %d s, %s", options.clients(), options.closedLoopSeconds(), when);
        figures.add(new Figure("closed-loop single lots", scale, r.perSecond(), "lots/s", Better.HIGHER, null, null,
                TARGET_CLOSED_LOOP_PER_SECOND, r.failed() == 0 ? null : r.failed() + " requests failed"));
        figures.add(new Figure("closed-loop latency p50", scale, r.latency().millis(50), "ms", Better.LOWER, null,
                null, null, null));
        figures.add(new Figure("closed-loop latency p99", scale, r.latency().millis(99), "ms", Better.LOWER, null,
                null, null, null));
        double lotsSent = r.lots() + r.failed();
        addCpuPerPart("CPU time per closed-loop lot", ", " + when, cpuBefore, cpuAfter, lotsSent, 1, part -> null);
        double machine = (cpuAfter.get(PART_MACHINE) - cpuBefore.get(PART_MACHINE))
                - (cpuAfter.get(PART_CLIENT) - cpuBefore.get(PART_CLIENT));
        figures.add(new Figure("CPU time per closed-loop lot, machine without the client", when,
                machine * 1000 / lotsSent, "ms", Better.LOWER, null, null, TARGET_CPU_PER_LOT_MS, null));
        return r;
    }

    /** Lots by the batch API, from earlier fortnights, until the lots database holds {@code --stored}. */
    private void storeUpTo(LocalStack stack, Population population, String lots, LotSupply supply,
            Progress progress) throws Exception {
        long have = countLots(stack);
        progress.phase(String.format("storing lots until %,d are in the tables (%,d now)", options.stored(), have),
                Math.max(1, (options.stored() - have) / 20_000.0));
        long t0 = System.nanoTime();
        while (have < options.stored()) {
            int chunk = (int) Math.min(100_000, options.stored() - have);
            Ingestion.viaBatchApi(api, lots, supply.take(chunk), options.batchSize(), options.connections(),
                    progress);
            have += chunk;
        }
        // The closed loop that follows must not compete with payments-service's backlog.
        awaitPayments(stack, population, (int) countLots(stack), System.nanoTime());
        details.put("storedLots", Map.of("lots", countLots(stack), "seconds", (System.nanoTime() - t0) / 1e9));
    }

    private static long countLots(LocalStack stack) throws Exception {
        try (var c = Population.connect(stack.database("lots"));
                var st = c.createStatement();
                var rs = st.executeQuery("select count(*) from lot")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /**
     * Twice the single-lot capacity the closed loop measured, open loop: what is refused must be a quick
     * 503 problem+json, what is accepted must keep its latency, and after retries nothing is lost.
     */
    private void measureOverload(LocalStack stack, String lots, LotSupply supply, ClosedLoop.Result capacity,
            Progress progress) throws Exception {
        int rate = options.overloadRate() > 0
                ? options.overloadRate()
                : (int) Math.max(50, Math.round(2 * capacity.perSecond()));
        progress.phase(String.format("overload: single lots at %,d/s (%s) for %d s", rate,
                options.overloadRate() > 0 ? "as asked" : "twice the closed-loop capacity", options.overloadSeconds()),
                8);
        Overload.Result r = Overload.measure(api, lots, stack, supply.take(rate * options.overloadSeconds()), rate,
                progress);
        String scale = String.format("%,d lots/s for %d s (%,d lots)", rate, options.overloadSeconds(), r.sent());
        figures.add(new Figure("overload: longest wait for an answer", scale, r.everyAnswer().maxMillis(), "ms",
                Better.LOWER, null, null, TARGET_OVERLOAD_WAIT_MS, r.connectionFailures() == 0
                        ? null
                        : r.connectionFailures() + " requests got no answer (connection failed)"));
        int accepted = r.accepted().count();
        figures.add(new Figure("overload: accepted lots' latency p99", scale,
                accepted == 0 ? 0 : r.accepted().millis(99), "ms", Better.LOWER, null, null,
                TARGET_OVERLOAD_ACCEPTED_P99_MS, String.format("%,d accepted (%.0f/s), %,d refused", accepted,
                        accepted / (double) options.overloadSeconds(), r.refused())));
        ServerTimer before = r.serverBefore();
        ServerTimer after = r.serverAfter();
        double acceptedMs = after.meanMillisSince(before, "201");
        figures.add(new Figure("overload: lots-service's own time per accepted lot, mean", scale, acceptedMs, "ms",
                Better.LOWER, null, null, null, String.format(
                        "its http_server_requests timer, from reading a request's head to the answer's end, over the"
                                + " sending: %,d answered 201 in %.1f ms on average and %,d answered 503 in %.1f ms;"
                                + " its recent maximum (Micrometer's, about the last 2 minutes) %.0f ms for a 201 and"
                                + " %.0f ms for a 503. The rest of a client's wait is the load generator's, the"
                                + " network's and the socket's (docs/benchmarks/2026-12-03-load-generator.md)",
                        after.countSince(before, "201"), acceptedMs,
                        after.countSince(before, "503"), after.meanMillisSince(before, "503"),
                        after.recentMaxMillis("201"), after.recentMaxMillis("503"))));
        figures.add(new Figure("overload: refusals that were not a 503 problem+json with Retry-After", scale,
                r.badRefusals(), "requests", Better.LOWER, null, null, 0.0, null));
        figures.add(new Figure("overload: lots missing after the refused ones were sent again", scale,
                r.sent() - r.stored(), "lots", Better.LOWER, null, null, 0.0, String.format(
                        "%d rounds of retries; %,d of %,d in the lots database, %,d in payments' read model",
                        r.retryRounds(), r.stored(), r.sent(), r.inPayments())));
    }

    private void addLatencyAndPropagation(Latency.Result single, String latencyScale) {
        String failures = single.failed() == 0 ? null : single.failed() + " requests failed";
        figures.add(new Figure("single-lot latency p50", latencyScale, single.latency().millis(50), "ms", Better.LOWER,
                null, null, null, failures));
        figures.add(new Figure("single-lot latency p95", latencyScale, single.latency().millis(95), "ms", Better.LOWER,
                null, null, null, null));
        figures.add(new Figure("single-lot latency p99", latencyScale, single.latency().millis(99), "ms", Better.LOWER,
                null, null, TARGET_SINGLE_P99_MS, null));
        details.put("singleLotMaxMillis", single.latency().maxMillis());
        String missing = single.notPropagated() == 0
                ? null
                : single.notPropagated() + " lots not in payments' read model after 60 s";
        figures.add(new Figure("event propagation p50", latencyScale, single.propagation().millis(50), "ms",
                Better.LOWER, null, null, null, "from the 201 to the lot in payments' lot_ref; polled every 10 ms"));
        figures.add(new Figure("event propagation p99", latencyScale, single.propagation().millis(99), "ms",
                Better.LOWER, null, null, TARGET_PROPAGATION_P99_MS, missing));
    }

    /** A warm-up settlement, then one settlement per chosen size, each against its SQL aggregate. */
    private void measureSettlements(LocalStack stack, LocalDate[] settlementDays, Progress progress)
            throws Exception {
        List<Map<String, Object>> runs = new ArrayList<>();
        // The service's first run pays class loading, JIT and its first token check (about half a second,
        // most of a 1,000-producer run): a small run first, not counted, as for single lots.
        progress.phase("warm-up: a settlement of 100 producers (not counted)", 1);
        SettlementScale.measure(this.api, stack, 100, settlementDays, progress);
        long payments = stack.serviceProcesses().stream().filter(p -> p.name().equals("payments-service"))
                .findFirst().orElseThrow().pid();
        for (int producers : options.settlementProducers()) {
            progress.phase(String.format("settlement of %,d producers x 30 lots", producers), 2 + producers / 2_000.0);
            Machine.resetPeak(payments);
            SettlementScale.Result r = SettlementScale.measure(this.api, stack, producers, settlementDays, progress);
            long peak = Machine.peakMb(Machine.memory(payments));
            addSettlementFigures(producers, r, peak);
            Map<String, Object> run = settlementDetails(producers, r);
            run.put("paymentsPeakRssMb", peak);
            runs.add(run);
        }
        details.put("settlements", runs);
    }

    private void addSettlementFigures(int producers, SettlementScale.Result r, long paymentsPeakMb) {
        String settlementScale = String.format("%,d producers x 30 lots (%,d lots)", producers, r.lots());
        boolean same = r.gross().compareTo(r.baselineGross()) == 0;
        figures.add(new Figure("settlement of one fortnight", settlementScale, r.runSeconds(), "s", Better.LOWER,
                r.baselineSeconds(), "one SQL aggregate", producers >= 200_000 ? TARGET_SETTLEMENT_200K_S : null,
                (same
                        ? "totals equal the aggregate's (S/ " + r.gross() + ")"
                        : "TOTALS DIFFER: run S/ " + r.gross() + ", aggregate S/ " + r.baselineGross())
                        + "; read model loaded by SQL in " + String.format("%.1f s", r.loadSeconds())));
        figures.add(new Figure("settlement, times the SQL aggregate", settlementScale,
                r.runSeconds() / r.baselineSeconds(), "x", Better.LOWER, null, null, TARGET_SETTLEMENT_RATIO, null));
        // Flat when the cost per producer does not grow with the organisation's size.
        figures.add(new Figure("settlement time per 1,000 producers", settlementScale,
                r.runSeconds() * 1_000 / producers, "s", Better.LOWER, r.baselineSeconds() * 1_000 / producers,
                "the SQL aggregate per 1,000 producers", null, null));
        figures.add(new Figure("payments-service peak RSS during the settlement", settlementScale, paymentsPeakMb,
                "MB", Better.LOWER, null, null, TARGET_RSS_MB, null));
    }

    private static Map<String, Object> settlementDetails(int producers, SettlementScale.Result r) {
        Map<String, Object> run = new LinkedHashMap<>();
        run.put("producers", producers);
        run.put("lots", r.lots());
        run.put("producersSettled", r.producersSettled());
        run.put("loadSeconds", r.loadSeconds());
        run.put("runSeconds", r.runSeconds());
        run.put("baselineSeconds", r.baselineSeconds());
        run.put("gross", r.gross());
        run.put("baselineGross", r.baselineGross());
        run.put("runLog", r.runLog());
        run.put("progressSeen", r.progressSeen());
        return run;
    }

    private void measureMemory(LocalStack stack, Map<Long, String> rssAtStart, Progress progress)
            throws InterruptedException {
        progress.phase("memory and start-up of each service", 1);
        for (LocalStack.ServiceProcess p : stack.serviceProcesses()) {
            figures.add(new Figure("start-up", p.name(), p.startUp().toMillis() / 1000.0, "s", Better.LOWER, null,
                    null, null, "launch to first ready answer, the three started together"));
            figures.add(new Figure("memory (RSS) after start", p.name(), rssAtStart.get(p.pid()).isEmpty()
                    ? 0
                    : Machine.rssMb(rssAtStart.get(p.pid())), "MB", Better.LOWER, null, null, null, null));
            String now = Machine.memory(p.pid());
            figures.add(new Figure("memory (RSS) after the run", p.name(), Machine.rssMb(now), "MB", Better.LOWER, null,
                    null, TARGET_RSS_MB, "peak " + Machine.peakMb(now) + " MB"
                            + (p.name().equals("payments-service") ? " since the last settlement began" : "")
                            + "; " + Machine.heapAndFiles(p.pid(), now) + "; " + StartUp.jvmOptions(p.pid())));
        }
        if (!options.quick()) {
            memoryWhenIdle(stack, progress);
        }
    }

    /**
     * What each service holds once idle: read again after a G1 periodic cycle's interval (30 s, ServiceJvm) and
     * then some, as a cooperative's server sits between a collection day's bursts. The reading right after
     * the run stays the target's; this one says what of it a quiet service hands back.
     */
    private void memoryWhenIdle(LocalStack stack, Progress progress) throws InterruptedException {
        progress.phase("memory of each service after " + IDLE_SECONDS + " s idle", 1);
        Thread.sleep(IDLE_SECONDS * 1000L);
        for (LocalStack.ServiceProcess p : stack.serviceProcesses()) {
            String now = Machine.memory(p.pid());
            figures.add(new Figure("memory (RSS) after the run and " + IDLE_SECONDS + " s idle", p.name(),
                    Machine.rssMb(now), "MB", Better.LOWER, null, null, null, Machine.heapAndFiles(p.pid(), now)));
        }
    }

    /** A figure per part (services, PostgreSQL, broker, client, machine): its CPU milliseconds per {@code per} lots. */
    private void addCpuPerPart(String measure, String scaleSuffix, Map<String, Double> before,
            Map<String, Double> after, double lots, int per, UnaryOperator<String> note) {
        for (String part : PARTS) {
            figures.add(
                    new Figure(measure, part + scaleSuffix, (after.get(part) - before.get(part)) * 1000 * per / lots,
                            "ms", Better.LOWER, null, null, null, note.apply(part)));
        }
    }

    private static final String PART_POSTGRES = "PostgreSQL";
    private static final String PART_KAFKA = "Kafka broker";
    private static final String PART_MACHINE = "whole machine";
    private static final String PART_CLIENT = "benchmark client";
    private static final List<String> PARTS = List.of("lots-service", "payments-service", PART_POSTGRES, PART_KAFKA,
            PART_CLIENT, PART_MACHINE);

    /** CPU seconds so far of each service, PostgreSQL, the broker and the machine: where a lot's cost goes. */
    private Map<String, Double> cpu(LocalStack stack) {
        Map<String, Double> cpu = new HashMap<>();
        for (LocalStack.ServiceProcess p : stack.serviceProcesses()) {
            cpu.put(p.name(), Machine.cpuSeconds(p.pid()));
        }
        cpu.put(PART_POSTGRES, Machine.cpuSecondsOfTree("postgres", home.toString()));
        cpu.put(PART_KAFKA, Machine.cpuSecondsOfTree("kafka.Kafka", home.toString()));
        cpu.put(PART_CLIENT, Machine.cpuSeconds(ProcessHandle.current().pid()));
        cpu.put(PART_MACHINE, Machine.machineBusySeconds());
        return cpu;
    }

    /** Seconds from the end of ingestion until payments-service's read model holds every ingested lot. */
    private static double awaitPayments(LocalStack stack, Population population, int lots, long since)
            throws Exception {
        try (var c = Population.connect(stack.database("payments"));
                var q = c.prepareStatement("select count(*) from lot_ref where organisation_id = ?")) {
            q.setObject(1, population.association);
            Instant deadline = Instant.now().plusSeconds(600);
            while (Instant.now().isBefore(deadline)) {
                try (var rs = q.executeQuery()) {
                    rs.next();
                    if (rs.getLong(1) >= lots) {
                        return (System.nanoTime() - since) / 1e9;
                    }
                }
                Thread.sleep(50);
            }
        }
        throw new IOException("payments-service did not receive every ingested lot within 10 minutes");
    }

    /** The ports the brief or the caller gave, else free ones. */
    private static Map<String, String> stackEnv() throws IOException {
        Map<String, String> env = new HashMap<>();
        Map<String, String> sys = System.getenv();
        env.put("ARTICULA_PG_PORT", sys.getOrDefault("ARTICULA_PG_PORT", Integer.toString(FreePorts.run(1))));
        env.put("ARTICULA_KAFKA_PORT", sys.getOrDefault("ARTICULA_KAFKA_PORT", Integer.toString(FreePorts.run(2))));
        // four ports: the web app's just below the three services'
        env.put("ARTICULA_PORT_BASE", sys.getOrDefault("ARTICULA_PORT_BASE", Integer.toString(FreePorts.run(4) + 1)));
        env.put("ARTICULA_SAMPLE_DATA", "false");
        if (sys.containsKey("ARTICULA_SERVICE_JVM_OPTS")) {
            env.put("ARTICULA_SERVICE_JVM_OPTS", sys.get("ARTICULA_SERVICE_JVM_OPTS"));
        }
        // An external PostgreSQL (e.g. one with pg_stat_statements loaded) instead of the embedded one.
        for (String name : List.of("PGHOST", "PGPORT", "PGUSER", "PGPASSWORD")) {
            if (sys.containsKey(name)) {
                env.put(name, sys.get(name));
            }
        }
        return env;
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
