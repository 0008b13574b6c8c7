package org.articula.localstack.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.articula.localstack.KafkaTopics;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * api-specs/asyncapi.yaml against what the system really publishes: the event schemas in
 * api-specs/events, the topics local-stack creates, the headers the outbox relay and the inbox set,
 * and the topics each service publishes to and consumes (its application.properties).
 *
 * <p>local-stack does not depend on platform, so the header names are read from platform's source
 * files ({@code EventHeaders}, {@code InboxConsumer}) in the repository.
 */
class AsyncApiDocumentTest {

    private static final String JSON_SCHEMA_2020_12 = "application/schema+json;version=draft-2020-12";
    private static final Pattern TYPE_FILE = Pattern.compile("([A-Z][A-Za-z0-9]*)\\.schema\\.json");
    private static final Pattern STRING_CONSTANT = Pattern.compile(
            "public\\s+static\\s+final\\s+String\\s+(\\w+)\\s*=\\s*\"([^\"]*)\"\\s*;");
    private static final Path EVENT_HEADERS_SOURCE = Path.of(
            "platform/src/main/java/org/articula/platform/events/EventHeaders.java");
    private static final Path INBOX_CONSUMER_SOURCE = Path.of(
            "platform/src/main/java/org/articula/platform/inbox/InboxConsumer.java");

    private static Path root;
    private static Path apiSpecs;
    private static Path events;
    private static JsonNode doc;

    @BeforeAll
    static void readDocument() throws IOException {
        events = EventSchemas.eventsDirectory().toAbsolutePath().normalize(); // -Darticula.root or walking up
        apiSpecs = events.getParent();
        root = apiSpecs.getParent();
        Path file = apiSpecs.resolve("asyncapi.yaml");
        assertTrue(Files.isRegularFile(file), file + " does not exist");
        doc = new ObjectMapper(new YAMLFactory()).readTree(file.toFile());
    }

    @Test
    void isAnAsyncApi3DocumentWithBothServers() {
        String version = doc.path("asyncapi").asText();
        assertTrue(version.matches("3\\.\\d+\\.\\d+"), "asyncapi: " + version + " is not 3.x");
        assertEquals("Articula events", doc.path("info").path("title").asText());
        assertFalse(doc.path("info").path("version").asText().isBlank(), "info.version");
        for (String server : List.of("local", "production")) {
            assertEquals("kafka", doc.path("servers").path(server).path("protocol").asText(), server + " protocol");
        }
        assertEquals("localhost:19092", doc.path("servers").path("local").path("host").asText());
    }

    @Test
    void everyReferenceResolves() {
        List<String> problems = new ArrayList<>();
        forEachRef(doc, "", (where, ref) -> {
            if (ref.startsWith("#")) {
                if (pointer(ref).isMissingNode()) {
                    problems.add(where + ": " + ref + " points at nothing in the document");
                }
            } else {
                Path file = referencedFile(ref);
                if (!Files.isRegularFile(file)) {
                    problems.add(where + ": " + ref + " -> " + file + " does not exist");
                }
            }
        });
        assertNoProblems(problems);
    }

    @Test
    void everyDocumentedEventIsExactlyOneMessageOfItsServicesTopic() throws IOException {
        List<String> problems = new ArrayList<>();
        Map<String, String> publishers = publishers();
        assertFalse(publishers.isEmpty(), "no service directories in " + events);
        for (Map.Entry<String, String> publisher : publishers.entrySet()) {
            String service = publisher.getKey();
            String topic = publisher.getValue();
            JsonNode channel = channelAt(topic);
            if (channel == null) {
                problems.add(service + " publishes to " + topic + ", which has no channel");
                continue;
            }
            Map<String, JsonNode> messages = messagesOf(channel);
            for (String type : EventSchemas.forService(service).documentedTypes()) {
                Path schema = events.resolve(service).resolve(type + ".schema.json");
                List<String> describing = messages.entrySet().stream()
                        .filter(m -> schema.equals(payloadFile(m.getValue())))
                        .map(Map.Entry::getKey)
                        .toList();
                if (describing.size() != 1) {
                    problems.add(type + " (" + service + ") is described by " + describing.size()
                            + " messages of channel " + topic + " " + describing + ", expected exactly 1");
                } else if (!describing.get(0).equals(type)
                        || !type.equals(messages.get(type).path("name").asText())) {
                    problems.add(topic + " message " + describing.get(0) + " describes " + type
                            + ": its key and name should be " + type);
                }
            }
        }
        assertNoProblems(problems);
    }

    @Test
    void everyEventMessageIsAJsonSchemaOfItsServiceWithKeyAndHeaders() throws IOException {
        List<String> problems = new ArrayList<>();
        Set<String> relayHeaders = constants(EVENT_HEADERS_SOURCE, name -> true);
        assertEquals(3, relayHeaders.size(), "EventHeaders constants: " + relayHeaders);
        for (Map.Entry<String, String> publisher : publishers().entrySet()) {
            String service = publisher.getKey();
            JsonNode channel = channelAt(publisher.getValue());
            if (channel == null) {
                continue; // reported by everyDocumentedEventIsExactlyOneMessageOfItsServicesTopic
            }
            Set<String> documented = EventSchemas.forService(service).documentedTypes();
            messagesOf(channel).forEach((name, message) -> {
                String where = publisher.getValue() + " message " + name;
                JsonNode payload = message.path("payload");
                if (!JSON_SCHEMA_2020_12.equals(payload.path("schemaFormat").asText())) {
                    problems.add(where + ": payload.schemaFormat should be " + JSON_SCHEMA_2020_12);
                }
                Path file = payloadFile(message);
                Matcher typeFile = file == null ? null : TYPE_FILE.matcher(file.getFileName().toString());
                if (file == null) {
                    problems.add(where + ": payload.schema is not a $ref to a schema file");
                } else if (!file.getParent().equals(events.resolve(service)) || !typeFile.matches()
                        || !documented.contains(typeFile.group(1))) {
                    problems.add(where + ": " + apiSpecs.relativize(file) + " is not an event schema of " + service
                            + " " + documented);
                }
                if (!resolve(message.path("bindings").path("kafka").path("key")).isObject()) {
                    problems.add(where + ": no bindings.kafka.key");
                }
                Set<String> headers = headerNames(message);
                if (!headers.equals(relayHeaders)) {
                    problems.add(where + ": headers " + headers + ", but the relay sets " + relayHeaders
                            + " (EventHeaders)");
                }
                if (!required(message).containsAll(relayHeaders)) {
                    problems.add(where + ": headers " + relayHeaders + " are always set, so required");
                }
            });
        }
        assertNoProblems(problems);
    }

    @Test
    void everyChannelIsATopicLocalStackCreates() {
        Set<String> known = new HashSet<>(KafkaTopics.EVENT_TOPICS);
        known.addAll(KafkaTopics.DEAD_LETTER_TOPICS);
        List<String> addresses = new ArrayList<>();
        doc.path("channels").fields().forEachRemaining(c -> addresses.add(c.getValue().path("address").asText()));
        assertFalse(addresses.isEmpty(), "no channels");
        List<String> unknown = addresses.stream().filter(a -> !known.contains(a)).toList();
        assertTrue(unknown.isEmpty(), "channels whose address is not in KafkaTopics: " + unknown);
        assertEquals(addresses.size(), new HashSet<>(addresses).size(), "two channels on one topic: " + addresses);
        assertTrue(addresses.containsAll(KafkaTopics.EVENT_TOPICS), "event topics without a channel: "
                + KafkaTopics.EVENT_TOPICS.stream().filter(t -> !addresses.contains(t)).toList());
    }

    /** What a service keeps a read model of must stay on the broker, and nothing else needs to (0018). */
    @Test
    void theTopicsKeptForeverAreExactlyThoseAServiceReads() throws IOException {
        Set<String> read = new TreeSet<>();
        for (String service : List.of("contracts-service", "lots-service", "payments-service")) {
            read.addAll(inboxTopics(service));
        }
        assertEquals(read, new TreeSet<>(KafkaTopics.STATE_TOPICS), "KafkaTopics.STATE_TOPICS against the services' "
                + "articula.inbox.topics");
    }

    @Test
    void deadLetterMessagesCarryTheInboxHeaders() throws IOException {
        Set<String> dltHeaders = constants(INBOX_CONSUMER_SOURCE, name -> name.startsWith("DLT_"));
        assertFalse(dltHeaders.isEmpty(), "no DLT_ constants in " + INBOX_CONSUMER_SOURCE);
        Set<String> relayHeaders = constants(EVENT_HEADERS_SOURCE, name -> true);
        List<String> problems = new ArrayList<>();
        int channels = 0;
        for (Map.Entry<String, JsonNode> channel : fields(doc.path("channels")).entrySet()) {
            String address = channel.getValue().path("address").asText();
            if (!KafkaTopics.DEAD_LETTER_TOPICS.contains(address)) {
                continue;
            }
            channels++;
            messagesOf(channel.getValue()).forEach((name, message) -> {
                Set<String> headers = headerNames(message);
                Set<String> expected = new TreeSet<>(dltHeaders);
                expected.addAll(relayHeaders); // the original record's headers are copied along
                if (!headers.equals(expected)) {
                    problems.add(address + " message " + name + ": headers " + headers + ", expected " + expected
                            + " (InboxConsumer.DLT_*, EventHeaders)");
                }
                if (!required(message).containsAll(dltHeaders)) {
                    problems.add(address + " message " + name + ": the dlt.* headers are always set, so required");
                }
            });
        }
        assertTrue(channels > 0, "no dead-letter channel");
        assertNoProblems(problems);
    }

    @Test
    void operationsAreThePublishersAndTheConsumersThatExist() throws IOException {
        Map<String, String> publishers = publishers();
        Set<String> expectedSends = new TreeSet<>();
        Set<String> expectedReceives = new TreeSet<>();
        for (String service : publishers.keySet()) {
            expectedSends.add(service + " -> " + publishers.get(service));
            for (String topic : inboxTopics(service)) {
                expectedReceives.add(service + " <- " + topic);
                expectedSends.add(service + " -> " + service + ".dlt"); // InboxConsumer: <consumer>.dlt
            }
        }

        List<String> problems = new ArrayList<>();
        Set<String> sends = new TreeSet<>();
        Set<String> receives = new TreeSet<>();
        fields(doc.path("operations")).forEach((id, operation) -> {
            JsonNode channel = resolve(operation.path("channel"));
            String address = channel.path("address").asText();
            List<String> services = new ArrayList<>();
            operation.path("tags").forEach(tag -> {
                if (publishers.containsKey(tag.path("name").asText())) {
                    services.add(tag.path("name").asText());
                }
            });
            if (services.size() != 1) {
                problems.add("operation " + id + ": tagged with " + services + ", expected the one service doing it");
                return;
            }
            String action = operation.path("action").asText();
            switch (action) {
                case "send" -> sends.add(services.get(0) + " -> " + address);
                case "receive" -> receives.add(services.get(0) + " <- " + address);
                default -> problems.add("operation " + id + ": action " + action);
            }
            // The operation's messages are its channel's, and a publisher sends every one of them.
            Set<String> listed = new TreeSet<>();
            operation.path("messages").forEach(m -> listed.add(m.path("$ref").asText()));
            String channelRef = operation.path("channel").path("$ref").asText();
            Set<String> ofChannel = messagesOf(channel).keySet().stream()
                    .map(name -> channelRef + "/messages/" + name)
                    .collect(Collectors.toCollection(TreeSet::new));
            if (!listed.equals(ofChannel)) {
                problems.add("operation " + id + ": messages " + listed + ", but its channel has " + ofChannel);
            }
        });
        assertNoProblems(problems);
        assertEquals(expectedSends, sends, "send operations (from each service's articula.events.topic and "
                + "dead-letter topic)");
        assertEquals(expectedReceives, receives, "receive operations (from each service's articula.inbox.topics)");
    }

    // ---- the system as built ---------------------------------------------------------------------

    /** Each service with event schemas and the topic it publishes to (its articula.events.topic). */
    private static Map<String, String> publishers() throws IOException {
        Map<String, String> topics = new TreeMap<>();
        try (Stream<Path> dirs = Files.list(events)) {
            for (Path dir : dirs.filter(Files::isDirectory).toList()) {
                String service = dir.getFileName().toString();
                String topic = applicationProperties(service).getProperty("articula.events.topic");
                assertTrue(topic != null && !topic.isBlank(), service + " sets no articula.events.topic");
                assertTrue(KafkaTopics.EVENT_TOPICS.contains(topic), service + " publishes to " + topic
                        + ", not one of KafkaTopics.EVENT_TOPICS " + KafkaTopics.EVENT_TOPICS);
                topics.put(service, topic);
            }
        }
        return topics;
    }

    private static List<String> inboxTopics(String service) throws IOException {
        String topics = applicationProperties(service).getProperty("articula.inbox.topics", "");
        return Arrays.stream(topics.split(",")).map(String::trim).filter(t -> !t.isEmpty()).toList();
    }

    private static Properties applicationProperties(String service) throws IOException {
        Path file = root.resolve(service).resolve("src/main/resources/application.properties");
        assertTrue(Files.isRegularFile(file), file + " does not exist");
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        }
        return properties;
    }

    /** The values of a platform class's {@code public static final String} constants. */
    private static Set<String> constants(Path source, Predicate<String> name) throws IOException {
        Path file = root.resolve(source);
        assertTrue(Files.isRegularFile(file), file + " does not exist");
        Set<String> values = new TreeSet<>();
        Matcher m = STRING_CONSTANT.matcher(Files.readString(file));
        while (m.find()) {
            if (name.test(m.group(1))) {
                values.add(m.group(2));
            }
        }
        return values;
    }

    // ---- reading the document --------------------------------------------------------------------

    private static JsonNode channelAt(String address) {
        JsonNode found = null;
        for (JsonNode channel : fields(doc.path("channels")).values()) {
            if (address.equals(channel.path("address").asText())) {
                assertTrue(found == null, "two channels on " + address);
                found = channel;
            }
        }
        return found;
    }

    /** A channel's messages by their key in the channel, each resolved. */
    private static Map<String, JsonNode> messagesOf(JsonNode channel) {
        Map<String, JsonNode> messages = new LinkedHashMap<>();
        fields(channel.path("messages")).forEach((name, message) -> messages.put(name, resolve(message)));
        return messages;
    }

    /** The schema file a message's payload refers to, or null. */
    private static Path payloadFile(JsonNode message) {
        String ref = message.path("payload").path("schema").path("$ref").asText("");
        return ref.isEmpty() || ref.startsWith("#") ? null : referencedFile(ref);
    }

    private static Set<String> headerNames(JsonNode message) {
        return new TreeSet<>(fields(resolve(message.path("headers")).path("properties")).keySet());
    }

    private static Set<String> required(JsonNode message) {
        Set<String> required = new TreeSet<>();
        resolve(message.path("headers")).path("required").forEach(r -> required.add(r.asText()));
        return required;
    }

    private static Path referencedFile(String ref) {
        int hash = ref.indexOf('#');
        return apiSpecs.resolve(hash < 0 ? ref : ref.substring(0, hash)).toAbsolutePath().normalize();
    }

    /** Follows {@code $ref}s within the document. */
    private static JsonNode resolve(JsonNode node) {
        for (int hops = 0; node.has("$ref") && node.path("$ref").asText().startsWith("#"); hops++) {
            assertTrue(hops < 20, "a $ref loop at " + node);
            String ref = node.path("$ref").asText();
            node = pointer(ref);
            if (node.isMissingNode()) {
                fail(ref + " points at nothing in the document");
            }
        }
        return node;
    }

    private static JsonNode pointer(String ref) {
        return doc.at(JsonPointer.compile(ref.substring(1)));
    }

    private interface RefVisitor {
        void visit(String where, String ref);
    }

    private static void forEachRef(JsonNode node, String where, RefVisitor visitor) {
        if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> it = node.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> field = it.next();
                if (field.getKey().equals("$ref") && field.getValue().isTextual()) {
                    visitor.visit(where.isEmpty() ? "/" : where, field.getValue().asText());
                } else {
                    forEachRef(field.getValue(), where + "/" + field.getKey(), visitor);
                }
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                forEachRef(node.get(i), where + "/" + i, visitor);
            }
        }
    }

    private static Map<String, JsonNode> fields(JsonNode node) {
        Map<String, JsonNode> fields = new LinkedHashMap<>();
        node.fields().forEachRemaining(f -> fields.put(f.getKey(), f.getValue()));
        return fields;
    }

    private static void assertNoProblems(List<String> problems) {
        if (!problems.isEmpty()) {
            fail("api-specs/asyncapi.yaml (" + problems.size() + (problems.size() == 1 ? " problem" : " problems")
                    + "):\n  - " + String.join("\n  - ", problems));
        }
    }
}
