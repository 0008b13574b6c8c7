package org.articula.localstack;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.articula.localstack.security.DevKeys;
import org.articula.localstack.security.Tokens;

/**
 * {@code ./articula dead-letters <lots|payments> [list|show <id>|redrive <id>|redrive --all]}: the events a
 * running service could not apply, listed, inspected and re-driven through its API
 * ({@code /api/v1/dead-letters}) with a platform-admin token signed by the local stack's key.
 */
final class DeadLettersCommand {

    static final String USAGE = """
            usage: ./articula dead-letters <lots|payments> [list | show <id> | redrive <id> | redrive --all]
              list            the dead letters, newest first (no payload)
              show <id>       one of them with its payload and whole reason
              redrive <id>    applies it again once its cause is fixed (exactly once; repeating it changes nothing)
              redrive --all   re-drives every dead-lettered event, oldest first
              The service runs on ARTICULA_PORT_BASE (8081) + 1 (lots) or + 2 (payments).""";

    private static final Map<String, String> SERVICES = Map.of("lots", "lots-service", "payments", "payments-service");

    private DeadLettersCommand() {
    }

    static boolean isInvoked(String[] args) {
        return args.length > 0 && "dead-letters".equals(args[0]);
    }

    /** @param args what follows {@code dead-letters} */
    static int run(List<String> args, Path root, Path home, Map<String, String> env) throws Exception {
        String service = args.isEmpty() ? null : SERVICES.get(args.get(0));
        List<String> command = args.size() > 1 ? args.subList(1, args.size()) : List.of("list");
        String method;
        String path;
        try {
            if (service == null) {
                throw new IllegalArgumentException("say which service: lots or payments");
            }
            switch (command.get(0)) {
                case "list" -> {
                    method = "GET";
                    path = "";
                }
                case "show" -> {
                    method = "GET";
                    path = "/" + id(command);
                }
                case "redrive" -> {
                    method = "POST";
                    path = command.size() == 2 && "--all".equals(command.get(1))
                            ? "/redrive"
                            : "/" + id(command) + "/redrive";
                }
                default -> throw new IllegalArgumentException("unknown command " + command.get(0));
            }
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(USAGE);
            return 2;
        }
        URI uri = URI.create(new LocalStack(root, home, env).baseUrl(service) + "/api/v1/dead-letters" + path);
        DevKeys keys = DevKeys.loadOrCreate(LocalStack.keysDir(home));
        String token = keys.sign(Tokens.Claims.of("platform-admin (./articula dead-letters)", null,
                "platform-admin"));
        HttpResponse<String> response;
        try {
            response = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build().send(
                    HttpRequest.newBuilder(uri).timeout(Duration.ofMinutes(5)).header("Accept", "application/json")
                            .header("Authorization", "Bearer " + token)
                            .method(method, HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            System.err.println(service + " does not answer at " + uri + " (is ./articula running?): " + e);
            return 1;
        }
        JsonNode body = response.body().isBlank() ? null : SampleApi.JSON.readTree(response.body());
        if (response.statusCode() >= 300) {
            System.err.println(method + " " + uri + " answered " + response.statusCode()
                    + (body == null ? "" : ": " + body.path("detail").asText(response.body())));
            return 1;
        }
        System.out.println("list".equals(command.get(0))
                ? table(body)
                : SampleApi.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(body));
        return 0;
    }

    private static String id(List<String> command) {
        if (command.size() != 2) {
            throw new IllegalArgumentException(command.get(0) + " needs the dead letter's id");
        }
        try {
            return UUID.fromString(command.get(1)).toString();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a dead letter's id: " + command.get(1));
        }
    }

    /** One line each: what an operator scans before choosing which to show or re-drive. */
    private static String table(JsonNode letters) {
        if (letters.isEmpty()) {
            return "No dead letters.";
        }
        StringBuilder out = new StringBuilder(String.format("%-36s  %-13s  %-8s  %-24s  %-30s  %s%n", "id", "status",
                "attempts", "failed at", "event", "reason"));
        for (JsonNode letter : letters) {
            out.append(String.format("%-36s  %-13s  %-8d  %-24s  %-30s  %s%n", letter.path("id").asText(),
                    letter.path("status").asText(), letter.path("attempts").asInt(), letter.path("failedAt").asText(),
                    letter.path("eventType").asText("(unreadable)") + " " + letter.path("topic").asText() + "-"
                            + letter.path("partition").asInt() + "@" + letter.path("offset").asLong(),
                    letter.path("reason").asText()));
        }
        return out.toString().stripTrailing();
    }
}
