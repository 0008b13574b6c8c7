package org.articula.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a run measured: figures, each with its baseline (a plain JDBC insert or one SQL aggregate on
 * the same database) and the ratio to it, or with its target when no baseline fits; rendered as JSON
 * and as a Markdown table.
 */
final class Report {

    /** Whether a bigger value is better (throughput) or worse (time, memory). */
    enum Better {
        HIGHER,
        LOWER
    }

    /**
     * One measured figure. {@code ratio} = value / baseline. {@code target}, if any, is the issue's
     * target in the same unit as the value (a minimum when higher is better, a maximum otherwise).
     */
    record Figure(String measure, String scale, double value, String unit, Better better, Double baseline,
            String baselineName, Double target, String note) {

        Double ratio() {
            return baseline == null || baseline == 0 ? null : value / baseline;
        }

        Boolean met() {
            if (target == null) {
                return null;
            }
            return better == Better.HIGHER ? value >= target : value <= target;
        }
    }

    /**
     * The machine and moment a run was measured on.
     *
     * @param memoryMonitor the kernel's memory monitor (DAMON) if one runs, else "none"
     */
    record Machine(int cores, long memoryMb, String cpu, String java, String loadBefore, String loadAfter,
            String commit, String memoryMonitor) {
    }

    private final String mode;
    private final String startedAt;
    private final Machine machine;
    private final List<Figure> figures;
    private final Map<String, Object> details;

    Report(String mode, String startedAt, Machine machine, List<Figure> figures, Map<String, Object> details) {
        this.mode = mode;
        this.startedAt = startedAt;
        this.machine = machine;
        this.figures = List.copyOf(figures);
        this.details = details;
    }

    String json() {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("mode", mode);
        root.put("startedAt", startedAt);
        root.put("machine", machine);
        List<Map<String, Object>> list = new ArrayList<>();
        for (Figure f : figures) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("measure", f.measure());
            m.put("scale", f.scale());
            m.put("value", round(f.value()));
            m.put("unit", f.unit());
            m.put("better", f.better().name().toLowerCase(Locale.ROOT));
            m.put("baseline", f.baseline() == null ? null : round(f.baseline()));
            m.put("baselineName", f.baselineName());
            m.put("ratio", f.ratio() == null ? null : round(f.ratio()));
            m.put("target", f.target());
            m.put("targetMet", f.met());
            m.put("note", f.note());
            list.add(m);
        }
        root.put("figures", list);
        root.put("details", details);
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(root) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    String markdown() {
        StringBuilder md = new StringBuilder();
        md.append("# Articula benchmark (").append(mode).append(", ").append(startedAt).append(")\n\n");
        md.append("Machine: ").append(machine.cores()).append(" cores, ").append(machine.memoryMb())
                .append(" MB memory, ").append(machine.cpu()).append("; Java ").append(machine.java())
                .append("; commit ").append(machine.commit()).append(".  \n");
        md.append("Load average (1, 5, 15 min) before: ").append(machine.loadBefore()).append("; after: ")
                .append(machine.loadAfter()).append(".  \n");
        md.append("Kernel memory monitor (DAMON): ").append(machine.memoryMonitor()).append(".\n\n");
        md.append("| measure | scale | value | baseline | ratio | target | met |\n");
        md.append("|---|---|---:|---:|---:|---:|:---:|\n");
        for (Figure f : figures) {
            md.append("| ").append(f.measure()).append(" | ").append(f.scale()).append(" | ")
                    .append(number(f.value())).append(' ').append(f.unit()).append(" | ")
                    .append(f.baseline() == null
                            ? ""
                            : number(f.baseline()) + " " + f.unit() + " (" + f.baselineName()
                                    + ")")
                    .append(" | ").append(f.ratio() == null ? "" : String.format(Locale.ROOT, "%.2f", f.ratio()))
                    .append(" | ").append(f.target() == null
                            ? ""
                            : (f.better() == Better.HIGHER ? "≥ " : "≤ ")
                                    + number(f.target()))
                    .append(" | ").append(f.met() == null ? "" : f.met() ? "yes" : "**no**").append(" |\n");
        }
        List<Figure> noted = figures.stream().filter(f -> f.note() != null).toList();
        if (!noted.isEmpty()) {
            md.append("\nNotes:\n\n");
            for (Figure f : noted) {
                md.append("- ").append(f.measure()).append(" (").append(f.scale()).append("): ").append(f.note())
                        .append('\n');
            }
        }
        return md.toString();
    }

    static String number(double value) {
        if (Math.abs(value) >= 100) {
            return String.format(Locale.ROOT, "%,.0f", value);
        }
        return String.format(Locale.ROOT, Math.abs(value) >= 10 ? "%.1f" : "%.2f", value);
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
