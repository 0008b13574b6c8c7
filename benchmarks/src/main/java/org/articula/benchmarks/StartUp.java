package org.articula.benchmarks;

import java.util.ArrayList;
import java.util.List;
import org.articula.benchmarks.Report.Better;
import org.articula.benchmarks.Report.Figure;
import org.articula.localstack.LocalStack;

/**
 * How fast the system is back: each data service started alone (the others, PostgreSQL and Kafka
 * running and idle), launch to its first ready answer; and the whole stack started again on its data.
 */
final class StartUp {

    private static final List<String> DATA_SERVICES = List.of("contracts-service", "lots-service",
            "payments-service");

    private StartUp() {
    }

    static List<Figure> eachServiceAlone(LocalStack stack, double target) throws Exception {
        List<Figure> figures = new ArrayList<>();
        for (String service : DATA_SERVICES) {
            stack.stopService(service);
            Thread.sleep(2_000); // the machine idle again: the stopped JVM's exit is not the next start's cost
            stack.startService(service);
            LocalStack.ServiceProcess p = stack.serviceProcesses().stream().filter(s -> s.name().equals(service))
                    .findFirst().orElseThrow();
            String status = Machine.memory(p.pid());
            figures.add(new Figure("start-up alone", service, p.startUp().toMillis() / 1000.0, "s", Better.LOWER,
                    null, null, target, String.format("launch to first ready answer, the others running; RSS then "
                            + "%.0f MB; %s", Machine.rssMb(status), jvmOptions(p.pid()))));
        }
        return figures;
    }

    /** The JVM options a process was started with (what comes before -jar), for the report. */
    static String jvmOptions(long pid) {
        List<String> all = Machine.commandLine(pid);
        if (all.isEmpty()) {
            return "unknown";
        }
        int jar = all.indexOf("-jar");
        String options = String.join(" ", all.subList(1, jar < 0 ? all.size() : jar));
        return all.get(0) + (options.isEmpty() ? "" : " " + options);
    }
}
