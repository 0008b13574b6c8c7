package org.articula.localstack.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Checks that a published event is the one documented in {@code api-specs/events}: its envelope and
 * payload must validate against {@code api-specs/events/<service>/<type>.schema.json} (JSON Schema
 * draft 2020-12). An event whose type has no schema file fails too: an undocumented event is drift.
 *
 * <pre>{@code
 * EventSchemas.forService("contracts-service").assertValid(record.value());
 * }</pre>
 *
 * <p>{@code api-specs/} is found by walking up from the working directory (a module's directory when
 * Maven runs its tests) or, when the system property {@value #ROOT_PROPERTY} is set, in that directory.
 * Works on JSON only, so it needs neither the platform module nor a running service.
 */
public final class EventSchemas {

    /** System property naming the repository root, the directory that holds {@code api-specs/events}. */
    public static final String ROOT_PROPERTY = "articula.root";

    private static final Pattern TYPE = Pattern.compile("[A-Z][A-Za-z0-9]*");
    private static final Pattern SERVICE = Pattern.compile("[a-z][a-z0-9-]*");
    private static final String SUFFIX = ".schema.json";
    private static final int MAX_EVENT_CHARS_SHOWN = 4000;

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder()
            .formatAssertionsEnabled(true)
            .pathType(PathType.JSON_PATH)
            .locale(Locale.ENGLISH)
            .build();
    private static final Map<Path, JsonSchema> SCHEMAS = new ConcurrentHashMap<>();

    private final String service;
    private final Path directory;

    private EventSchemas(String service, Path directory) {
        this.service = service;
        this.directory = directory;
    }

    /**
     * The schemas of the events one service publishes, {@code api-specs/events/<service>/}.
     *
     * @param service the service's directory name, e.g. {@code contracts-service}
     */
    public static EventSchemas forService(String service) {
        Objects.requireNonNull(service, "service");
        if (!SERVICE.matcher(service).matches()) {
            throw new IllegalArgumentException("not a service directory name: " + service);
        }
        Path directory = eventsDirectory().resolve(service);
        if (!Files.isDirectory(directory)) {
            throw new AssertionError("No event schemas for " + service + ": " + directory + " does not exist");
        }
        return new EventSchemas(service, directory);
    }

    /** {@code api-specs/events} of this repository. */
    public static Path eventsDirectory() {
        String root = System.getProperty(ROOT_PROPERTY);
        if (root != null && !root.isBlank()) {
            Path events = Paths.get(root).toAbsolutePath().normalize().resolve("api-specs").resolve("events");
            if (!Files.isDirectory(events)) {
                throw new IllegalStateException("-D" + ROOT_PROPERTY + "=" + root + " has no api-specs/events");
            }
            return events;
        }
        Path start = Paths.get("").toAbsolutePath().normalize();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            Path events = dir.resolve("api-specs").resolve("events");
            if (Files.isDirectory(events)) {
                return events;
            }
        }
        throw new IllegalStateException("No api-specs/events in " + start + " or any directory above it; set -D"
                + ROOT_PROPERTY + " to the repository root");
    }

    public String service() {
        return service;
    }

    /**
     * A schema file of this service, decimals read exactly: for a test to take a documented limit from the
     * contract itself, e.g. {@code schema("lot-payload.schema.json").at("/$defs/lot/properties/quantity/maximum")}.
     */
    public JsonNode schema(String file) {
        try {
            return JSON.readTree(directory.resolve(file).toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The event types that have a schema, e.g. {@code AgreementActivated}; shared parts are not types. */
    public Set<String> documentedTypes() {
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(f -> f.getFileName().toString())
                    .filter(name -> name.endsWith(SUFFIX))
                    .map(name -> name.substring(0, name.length() - SUFFIX.length()))
                    .filter(name -> TYPE.matcher(name).matches())
                    .collect(Collectors.toCollection(TreeSet::new));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Asserts that a Kafka record value (UTF-8 JSON of the whole envelope) is a documented event. */
    public void assertValid(byte[] json) {
        Objects.requireNonNull(json, "json");
        assertValid(parse(new String(json, StandardCharsets.UTF_8)));
    }

    /** Asserts that the JSON text of a whole envelope is a documented event. */
    public void assertValid(String json) {
        Objects.requireNonNull(json, "json");
        assertValid(parse(json));
    }

    /**
     * Asserts that a whole envelope is a documented event.
     *
     * @throws AssertionError listing every validation message, or saying that the type has no schema
     */
    public void assertValid(JsonNode envelope) {
        List<String> problems = problems(envelope);
        if (!problems.isEmpty()) {
            throw new AssertionError(describe(envelope) + " does not match its documented schema ("
                    + problems.size() + (problems.size() == 1 ? " problem" : " problems") + "):\n  - "
                    + String.join("\n  - ", problems) + "\nEvent: " + abbreviate(envelope));
        }
    }

    /**
     * What is wrong with an envelope, one message per schema violation; empty when it is valid.
     * An event type with no schema file is a problem, not an error.
     */
    public List<String> problems(JsonNode envelope) {
        if (envelope == null || !envelope.isObject()) {
            return List.of("an event is a JSON object, not " + (envelope == null ? "null" : envelope.getNodeType()));
        }
        JsonNode type = envelope.get("type");
        if (type == null || !type.isTextual() || !TYPE.matcher(type.asText()).matches()) {
            // No type to pick a schema by: report what the common envelope schema says.
            List<String> problems = validate(schema(directory.getParent().resolve("envelope" + SUFFIX)), envelope);
            return problems.isEmpty() ? List.of("$.type: no event type to find the schema by") : problems;
        }
        Path file = directory.resolve(type.asText() + SUFFIX);
        if (!Files.isRegularFile(file)) {
            return List.of("$.type: event type " + type.asText() + " is not documented: " + file
                    + " does not exist (documented types of " + service + ": " + documentedTypes() + ")");
        }
        return validate(schema(file), envelope);
    }

    private static List<String> validate(JsonSchema schema, JsonNode envelope) {
        Set<ValidationMessage> messages = schema.validate(envelope);
        return messages.stream()
                .sorted(Comparator.comparing((ValidationMessage m) -> String.valueOf(m.getInstanceLocation()))
                        .thenComparing(ValidationMessage::getMessage))
                .map(m -> m.getMessage() + " [schema: " + m.getSchemaLocation() + "]")
                .toList();
    }

    // Loaded by file URI, so that relative $refs (../envelope.schema.json, clauses.schema.json) resolve.
    private static JsonSchema schema(Path file) {
        return SCHEMAS.computeIfAbsent(file.toAbsolutePath().normalize(), path -> {
            JsonSchema schema = FACTORY.getSchema(SchemaLocation.of(path.toUri().toString()), CONFIG);
            schema.initializeValidators(); // a broken $ref fails here, not in the middle of a validation
            return schema;
        });
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new AssertionError("The event is not valid JSON: " + e.getOriginalMessage() + "\nEvent: "
                    + abbreviate(json), e);
        }
    }

    private static String describe(JsonNode envelope) {
        if (envelope == null || !envelope.isObject()) {
            return "The event";
        }
        return "Event " + envelope.path("type").asText("(no type)") + " " + envelope.path("eventId").asText("");
    }

    private static String abbreviate(Object event) {
        String text = String.valueOf(event);
        return text.length() <= MAX_EVENT_CHARS_SHOWN ? text : text.substring(0, MAX_EVENT_CHARS_SHOWN) + "...";
    }
}
