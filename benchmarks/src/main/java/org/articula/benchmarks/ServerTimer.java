package org.articula.benchmarks;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A service's own timer of one POST path, by status, from its Prometheus metrics: how long it took from
 * reading a request's head to its answer's end. Next to the client's latencies it tells the service's share
 * of a wait from the load generator's and the network's; the time a request waits in a socket before the
 * service reads it counts for the client only.
 */
record ServerTimer(Map<String, Reading> byStatus) {

    /** Answers with one status so far: how many, their total seconds, and Micrometer's recent maximum. */
    record Reading(double count, double sumSeconds, double maxSeconds) {
    }

    private static final Pattern LINE = Pattern
            .compile("^http_server_requests_seconds_(count|sum|max)\\{([^}]*)} (\\S+)$", Pattern.MULTILINE);
    private static final Pattern STATUS = Pattern.compile("\\bstatus=\"(\\d+)\"");

    /** The timer of POST {@code path} on {@code service} now. */
    static ServerTimer read(Api api, String service, String path) throws IOException, InterruptedException {
        Api.Response metrics = api
                .send(api.request(service + "/q/metrics").setHeader("Accept", "text/plain").GET().build());
        if (metrics.status() != 200) {
            throw new IOException("GET " + service + "/q/metrics answered " + metrics.status());
        }
        return parse(metrics.body(), path);
    }

    /** The POST {@code path} series of a Prometheus text exposition. */
    static ServerTimer parse(String metrics, String path) {
        Map<String, double[]> values = new HashMap<>();
        Matcher line = LINE.matcher(metrics);
        while (line.find()) {
            String tags = line.group(2);
            Matcher status = STATUS.matcher(tags);
            if (!tags.contains("method=\"POST\"") || !tags.contains("uri=\"" + path + "\"") || !status.find()) {
                continue;
            }
            double[] v = values.computeIfAbsent(status.group(1), s -> new double[3]);
            int at = switch (line.group(1)) {
                case "count" -> 0;
                case "sum" -> 1;
                default -> 2;
            };
            v[at] = Double.parseDouble(line.group(3));
        }
        Map<String, Reading> byStatus = new HashMap<>();
        values.forEach((status, v) -> byStatus.put(status, new Reading(v[0], v[1], v[2])));
        return new ServerTimer(byStatus);
    }

    /** Answers with {@code status} since {@code before}. */
    long countSince(ServerTimer before, String status) {
        return Math.round(reading(status).count() - before.reading(status).count());
    }

    /** Mean milliseconds of the answers with {@code status} since {@code before}; 0 when there were none. */
    double meanMillisSince(ServerTimer before, String status) {
        long count = countSince(before, status);
        return count == 0 ? 0 : 1000 * (reading(status).sumSeconds() - before.reading(status).sumSeconds()) / count;
    }

    /** Micrometer's maximum for {@code status}: over its last two minutes or so, not exactly a phase. */
    double recentMaxMillis(String status) {
        return 1000 * reading(status).maxSeconds();
    }

    private Reading reading(String status) {
        return byStatus.getOrDefault(status, new Reading(0, 0, 0));
    }
}
