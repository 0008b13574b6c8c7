package org.articula.localstack.testing;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.InputFormat;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.oas.OpenApi31;
import io.restassured.RestAssured;
import io.restassured.filter.Filter;
import io.restassured.response.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Checks answers against the OpenAPI document the service itself serves ({@code /q/openapi}): the status is
 * one documented for the operation, the Content-Type one documented for that status, a JSON body validates
 * against its schema (OpenAPI 3.1: JSON Schema 2020-12 with the OpenAPI vocabulary, formats asserted), a
 * required header (Location of a 201) is there, and a body comes exactly when one is documented. A request
 * to no documented operation must be answered with a 4xx Problem.
 *
 * <p>Every {@code @QuarkusTest} of a service gets it on all its REST Assured calls ({@link #install()}, from
 * {@link OpenApiAnswersCallback}); a suite that sends requests otherwise calls {@link #violations} itself.
 * The operational endpoints under {@code /q/} are not part of the document and are not checked.
 */
public final class OpenApiAnswers {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();
    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder()
            .formatAssertionsEnabled(true).pathType(PathType.JSON_PATH).locale(Locale.ENGLISH).build();
    private static final Map<String, Document> DOCUMENTS = new ConcurrentHashMap<>();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final int MAX_BODY_SHOWN = 2000;

    private static final Filter FILTER = (request, response, context) -> {
        Response answer = context.next(request, response);
        URI uri = URI.create(request.getURI());
        List<String> violations = violations(request.getMethod(), uri, answer.statusCode(),
                name -> answer.getHeader(name), answer.asString());
        if (!violations.isEmpty()) {
            throw new AssertionError("The answer to " + request.getMethod() + " " + uri.getRawPath()
                    + " breaks the service's OpenAPI document:\n  " + String.join("\n  ", violations)
                    + "\nstatus " + answer.statusCode() + ", Content-Type " + answer.getContentType() + ", body: "
                    + abbreviate(answer.asString()));
        }
        return answer;
    };

    private static volatile boolean installed;

    private OpenApiAnswers() {
    }

    /** A REST Assured filter that fails the request's test with the violations of its answer. */
    public static Filter filter() {
        return FILTER;
    }

    /** Checks every later REST Assured answer of this JVM (class loader). Idempotent. */
    public static synchronized void install() {
        if (!installed || !RestAssured.filters().contains(FILTER)) {
            RestAssured.filters(FILTER);
            installed = true;
        }
    }

    /**
     * What is wrong with an answer according to the OpenAPI document served at the request's host and port;
     * empty when nothing.
     *
     * @param header the answer's header of that name, or null
     */
    public static List<String> violations(String method, URI request, int status, Function<String, String> header,
            String body) {
        String path = request.getRawPath();
        if (path.startsWith("/q/")) {
            return List.of();
        }
        Document document = DOCUMENTS.computeIfAbsent(request.getScheme() + "://" + request.getRawAuthority(),
                Document::load);
        return document.violations(method.toLowerCase(Locale.ROOT), path, status, header,
                body == null ? "" : body);
    }

    private static String abbreviate(String body) {
        return body.length() <= MAX_BODY_SHOWN ? body : body.substring(0, MAX_BODY_SHOWN) + "…";
    }

    private record Route(String template, Pattern pattern, int variables) {
    }

    private static final class Document {
        private final String iri;
        private final JsonNode root;
        private final List<Route> routes = new ArrayList<>();
        private final JsonSchemaFactory factory;
        private final Map<String, JsonSchema> schemas = new ConcurrentHashMap<>();

        private static final Document NONE = new Document();

        private Document() {
            this.iri = null;
            this.root = JSON.createObjectNode();
            this.factory = null;
        }

        private Document(String origin, String text) throws IOException {
            this.iri = "https://openapi.articula.test/" + origin.replaceAll("[^A-Za-z0-9]+", "-") + ".json";
            this.root = JSON.readTree(text);
            this.factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
                    builder -> builder.metaSchema(OpenApi31.getInstance())
                            .defaultMetaSchemaIri(OpenApi31.getInstance().getIri())
                            .schemaLoaders(loaders -> loaders.schemas(Map.of(iri, text))));
            for (Iterator<String> it = root.path("paths").fieldNames(); it.hasNext();) {
                String template = it.next();
                int variables = template.split("\\{", -1).length - 1;
                String regex = template.replaceAll("\\{[^}]+}", "[^/]+");
                routes.add(new Route(template, Pattern.compile(regex), variables));
            }
            // A literal segment wins over a variable one: /lots/batch is not /lots/{id}.
            routes.sort(Comparator.comparingInt(Route::variables));
        }

        static Document load(String origin) {
            HttpRequest get = HttpRequest.newBuilder(URI.create(origin + "/q/openapi?format=json")).build();
            try {
                HttpResponse<String> answer = HTTP.send(get, HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() == 404) {
                    return NONE; // an application without a document (platform's test application)
                }
                if (answer.statusCode() != 200) {
                    throw new AssertionError("No OpenAPI document at " + get.uri() + ": " + answer.statusCode());
                }
                return new Document(origin, answer.body());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        List<String> violations(String method, String path, int status, Function<String, String> header,
                String body) {
            if (this == NONE) {
                return List.of();
            }
            boolean head = "head".equals(method);
            String documentedMethod = head ? "get" : method; // HEAD is answered as GET, without the body
            Route route = routes.stream().filter(r -> r.pattern().matcher(path).matches()
                    && root.path("paths").path(r.template()).has(documentedMethod)).findFirst().orElse(null);
            if (route == null) {
                // Not an operation of the document (an unknown path or method): a plain client error.
                if (status < 400 || status >= 500) {
                    return List.of("no documented operation, yet answered " + status);
                }
                return bodyViolations("/components/schemas/Problem", "application/problem+json",
                        header.apply("Content-Type"), body);
            }
            String operation = "/paths/" + escape(route.template()) + "/" + documentedMethod;
            JsonNode responses = root.at(operation + "/responses");
            String code = Integer.toString(status);
            String key = responses.has(code)
                    ? code
                    : responses.has(code.charAt(0) + "XX")
                            ? code.charAt(0) + "XX"
                            : responses.has("default") ? "default" : null;
            if (key == null) {
                return List.of("status " + status + " is not documented for " + method.toUpperCase(Locale.ROOT)
                        + " " + route.template() + " (documented: " + fieldNames(responses) + ")");
            }
            String pointer = operation + "/responses/" + escape(key);
            return answerViolations(pointer, status, head, header, body);
        }

        // The answer against the documented response at pointer: its required headers, its media type and body.
        private List<String> answerViolations(String pointer, int status, boolean head, Function<String, String> header,
                String body) {
            JsonNode response = root.at(pointer);
            List<String> violations = new ArrayList<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = response.path("headers").fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> documented = it.next();
                if (documented.getValue().path("required").asBoolean() && header.apply(documented.getKey()) == null) {
                    violations.add("header " + documented.getKey() + " is documented as required but missing");
                }
            }
            JsonNode content = response.path("content");
            String contentType = header.apply("Content-Type");
            if (content.isEmpty() || head) {
                if (!body.isEmpty()) {
                    violations.add("a body came, but none is documented for " + status);
                }
                return violations;
            }
            if (body.isEmpty()) {
                violations.add("no body came, but " + fieldNames(content) + " is documented for " + status);
                return violations;
            }
            String mediaType = mediaTypeOf(contentType);
            String documented = content.has(mediaType)
                    ? mediaType
                    : content.has(mediaType.replaceAll("/.*", "/*"))
                            ? mediaType.replaceAll("/.*", "/*")
                            : content.has("*/*") ? "*/*" : null;
            if (documented == null) {
                violations.add("Content-Type " + contentType + " is not documented for " + status
                        + " (documented: " + fieldNames(content) + ")");
                return violations;
            }
            violations.addAll(bodyViolations(pointer + "/content/" + escape(documented) + "/schema", documented,
                    contentType, body));
            return violations;
        }

        private List<String> bodyViolations(String schemaPointer, String documentedType, String contentType,
                String body) {
            String mediaType = mediaTypeOf(contentType);
            if (!documentedType.equals(mediaType) && !documentedType.endsWith("*")) {
                return List.of("Content-Type " + contentType + " where " + documentedType + " is documented");
            }
            if (!(mediaType.equals("application/json") || mediaType.endsWith("+json"))) {
                return List.of(); // CSV, HTML, PDF: the media type is what the document can say
            }
            JsonSchema schema = schemas.computeIfAbsent(schemaPointer, this::schemaAt);
            if (schema == null) {
                return List.of();
            }
            return schema.validate(body, InputFormat.JSON).stream()
                    .map(m -> "body " + m.getInstanceLocation() + ": " + m.getMessage())
                    .sorted().collect(Collectors.toList());
        }

        // The schema as a resource of its own whose references point into the whole document.
        private JsonSchema schemaAt(String pointer) {
            JsonNode node = root.at(pointer);
            if (node.isMissingNode() || node.isEmpty()) {
                return null; // documented as anything
            }
            JsonNode absolute = absoluteRefs(node.deepCopy());
            return factory.getSchema(SchemaLocation.of(iri.replace(".json", "-answer.json")), absolute, CONFIG);
        }

        private JsonNode absoluteRefs(JsonNode node) {
            if (node instanceof ObjectNode object) {
                JsonNode ref = object.get("$ref");
                if (ref != null && ref.isTextual() && ref.asText().startsWith("#")) {
                    object.put("$ref", iri + ref.asText());
                }
                object.fields().forEachRemaining(e -> absoluteRefs(e.getValue()));
            } else if (node.isArray()) {
                node.forEach(this::absoluteRefs);
            }
            return node;
        }

        private static String mediaTypeOf(String contentType) {
            return contentType == null ? "" : contentType.split(";")[0].strip().toLowerCase(Locale.ROOT);
        }

        private static String escape(String token) {
            return token.replace("~", "~0").replace("/", "~1");
        }

        private static String fieldNames(JsonNode node) {
            List<String> names = new ArrayList<>();
            node.fieldNames().forEachRemaining(names::add);
            return String.join(", ", names);
        }
    }
}
