package org.articula.localstack.testing.robustness;

import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Counts per class of what was sent and what failed, the failures themselves and the findings that do not
 * fail the suite (a status the OpenAPI document does not list for the operation). Printed, and written to
 * {@code target/robustness-report.json} of the module under test.
 */
public final class RobustnessReport {

    private final String service;
    private final Map<MutationClass, int[]> counts = new EnumMap<>(MutationClass.class);
    private final List<String> failures = new ArrayList<>();
    private final TreeSet<String> undocumented = new TreeSet<>();
    private final List<String> notes = new ArrayList<>();
    private int operations;
    private long millis;

    RobustnessReport(String service) {
        this.service = service;
        for (MutationClass kind : MutationClass.values()) {
            counts.put(kind, new int[2]);
        }
    }

    void sent(MutationClass kind, int n) {
        counts.get(kind)[0] += n;
    }

    void failed(MutationClass kind, String operation, String what) {
        if (kind != null) {
            counts.get(kind)[1]++;
        }
        failures.add(operation + " " + what);
    }

    void undocumented(String operation, int status) {
        undocumented.add(operation + " -> " + status);
    }

    void note(String text) {
        notes.add(text);
    }

    void finish(int operations, long millis) {
        this.operations = operations;
        this.millis = millis;
    }

    public List<String> failures() {
        return failures;
    }

    public int sent() {
        return counts.values().stream().mapToInt(c -> c[0]).sum();
    }

    /** The counts as a table, then the failures and findings. */
    public String text() {
        StringBuilder t = new StringBuilder("robustness of " + service + ": " + operations + " operations, "
                + sent() + " requests, " + failures.size() + " failures, " + (millis / 1000) + " s\n");
        t.append(String.format("%-20s %8s %8s%n", "class", "sent", "failed"));
        counts.forEach((kind, c) -> t.append(String.format("%-20s %8d %8d%n", kind, c[0], c[1])));
        failures.stream().limit(100).forEach(f -> t.append("FAIL ").append(f).append('\n'));
        undocumented.forEach(u -> t.append("UNDOCUMENTED ").append(u).append('\n'));
        notes.forEach(n -> t.append("NOTE ").append(n).append('\n'));
        return t.toString();
    }

    void write(Path file) throws IOException {
        ObjectNode root = ApiRequest.JSON.createObjectNode();
        root.put("service", service);
        root.put("operations", operations);
        root.put("seconds", millis / 1000.0);
        root.put("sent", sent());
        root.put("failed", failures.size());
        ObjectNode classes = root.putObject("classes");
        counts.forEach((kind, c) -> classes.putObject(kind.name()).put("sent", c[0]).put("failed", c[1]));
        ArrayNode f = root.putArray("failures");
        failures.forEach(f::add);
        ArrayNode u = root.putArray("undocumentedStatuses");
        undocumented.forEach(u::add);
        ArrayNode n = root.putArray("notes");
        notes.forEach(n::add);
        Files.createDirectories(file.getParent());
        Files.writeString(file, ApiRequest.JSON.copy().enable(SerializationFeature.INDENT_OUTPUT)
                .writeValueAsString(root));
    }
}
