package org.articula.localstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.articula.localstack.security.DevKeys;
import org.articula.localstack.security.Tokens;

/**
 * {@code ./articula rebuild-read-model <lots|payments>} rebuilds that service's read model of the other services'
 * data from the topics, on the running stack (docs/decisions/0018-read-model-rebuild.md): it signs a platform-admin
 * token with the stack's development key, starts the rebuild, prints its progress and, at the end, what it changed
 * per table. The service keeps serving meanwhile.
 */
final class RebuildCommand {

    static final String NAME = "rebuild-read-model";
    static final String USAGE = "usage: ./articula " + NAME + " <lots|payments>   (the stack must be running; "
            + "ARTICULA_PORT_BASE if it was started with one)";
    private static final String PATH = "/api/v1/read-model/rebuilds";
    // The service's port above ARTICULA_PORT_BASE, as LocalStack lays them out.
    private static final Map<String, Integer> OFFSETS = Map.of("lots", 1, "payments", 2);
    private static final ObjectMapper JSON = new ObjectMapper();

    private RebuildCommand() {
    }

    static boolean isInvoked(String[] args) {
        return args.length > 0 && NAME.equals(args[0]);
    }

    static int run(List<String> args, Path home, Map<String, String> env) throws Exception {
        if (args.size() != 1 || !OFFSETS.containsKey(args.get(0))) {
            System.err.println(USAGE);
            return 2;
        }
        int port = Integer.parseInt(env.getOrDefault("ARTICULA_PORT_BASE", "8081")) + OFFSETS.get(args.get(0));
        URI base = URI.create("http://localhost:" + port);
        String token = DevKeys.loadOrCreate(LocalStack.keysDir(home))
                .sign(Tokens.Claims.of("articula rebuild-read-model", new UUID(0, 0), "platform-admin"));
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        HttpResponse<String> started;
        try {
            started = http.send(request(base.resolve(PATH), token).POST(HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (java.net.ConnectException e) {
            System.err.println(args.get(0) + "-service does not answer on " + base + ": is ./articula running?");
            return 1;
        }
        if (started.statusCode() != 202) {
            System.err.println("refused (" + started.statusCode() + "): " + started.body());
            return 1;
        }
        URI status = base.resolve(started.headers().firstValue("Location").orElseThrow());
        System.out.println("Rebuilding " + args.get(0) + "-service's read model from the topics: " + status);
        JsonNode rebuild = JSON.readTree(started.body());
        String shown = "";
        while ("RUNNING".equals(rebuild.path("status").asText())) {
            String line = "  " + rebuild.path("phase").asText() + ": " + rebuild.path("eventsReplayed").asLong()
                    + " events replayed";
            if (!line.equals(shown)) {
                System.out.println(line);
                shown = line;
            }
            Thread.sleep(500);
            rebuild = JSON
                    .readTree(http.send(request(status, token).GET().build(), HttpResponse.BodyHandlers.ofString())
                            .body());
        }
        if (!"SUCCEEDED".equals(rebuild.path("status").asText())) {
            System.err.println(rebuild.path("status").asText() + ": " + rebuild.path("error").asText());
            return 1;
        }
        System.out.printf("Done: %d events replayed, %d refused by the handler, %d inbox rows restored%n",
                rebuild.path("eventsReplayed").asLong(), rebuild.path("eventsFailed").asLong(),
                rebuild.path("inboxRowsRestored").asLong());
        System.out.printf("  %-18s %10s %10s %10s %10s%n", "table", "rows", "inserted", "updated", "deleted");
        for (JsonNode t : rebuild.path("tables")) {
            System.out.printf("  %-18s %10d %10d %10d %10d%n", t.path("table").asText(), t.path("rows").asLong(),
                    t.path("inserted").asLong(), t.path("updated").asLong(), t.path("deleted").asLong());
        }
        return 0;
    }

    private static HttpRequest.Builder request(URI uri, String token) {
        return HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + token)
                .header("Accept", "application/json");
    }
}
