package org.articula.localstack.testing.robustness;

import static io.restassured.RestAssured.given;

import io.restassured.RestAssured;
import io.restassured.config.EncoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;
import org.articula.localstack.testing.TestTokens;

/**
 * Sends requests exactly as given: the path and query encoded here (REST Assured would re-encode them), the
 * body as UTF-8 bytes with the content type untouched, and an oversized body announced by its
 * Content-Length over a raw socket (a client library would try to send all of it).
 */
final class Transport {

    private static final RestAssuredConfig AS_GIVEN = RestAssured.config().encoderConfig(
            EncoderConfig.encoderConfig().appendDefaultContentCharsetToContentTypeIfUndefined(false));

    private Transport() {
    }

    static Answer send(String method, String template, ApiRequest request) {
        Response response = response(method, template, request);
        return new Answer(response.statusCode(), Answer.mediaTypeOf(response.contentType()), response.asString());
    }

    static Response response(String method, String template, ApiRequest request) {
        RequestSpecification spec = given().config(AS_GIVEN).urlEncodingEnabled(false);
        request.headers().forEach(spec::header);
        if (request.contentType() != null) {
            spec.contentType(request.contentType());
        }
        if (request.body() != null) {
            spec.body(request.body().getBytes(StandardCharsets.UTF_8));
        }
        return spec.request(method, uri(template, request));
    }

    static String uri(String template, ApiRequest request) {
        String path = template;
        for (Map.Entry<String, String> p : request.pathParams().entrySet()) {
            path = path.replace("{" + p.getKey() + "}", encode(p.getValue()));
        }
        if (request.query().isEmpty()) {
            return path;
        }
        return path + "?" + request.query().entrySet().stream()
                .map(q -> encode(q.getKey()) + "=" + encode(q.getValue())).collect(Collectors.joining("&"));
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** Announces {@code length} bytes, sends a few and reads what the server answers before it reads them all. */
    static Answer oversized(String method, String template, ApiRequest request, long length) throws IOException {
        URI base = URI.create(RestAssured.baseURI);
        String path = (RestAssured.basePath == null || RestAssured.basePath.equals("/") ? "" : RestAssured.basePath)
                + uri(template, request);
        String token = request.headers().getOrDefault("Authorization",
                TestTokens.current() == null ? null : "Bearer " + TestTokens.current());
        StringBuilder head = new StringBuilder(method + " " + path + " HTTP/1.1\r\n")
                .append("Host: ").append(base.getHost()).append(':').append(RestAssured.port).append("\r\n")
                .append("Content-Type: ").append(request.contentType()).append("\r\n")
                .append("Content-Length: ").append(length).append("\r\n")
                .append("Connection: close\r\n");
        if (token != null) {
            head.append("Authorization: ").append(token).append("\r\n");
        }
        head.append("\r\n");
        try (Socket socket = new Socket(base.getHost(), RestAssured.port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(head.toString().getBytes(StandardCharsets.UTF_8));
            out.write(request.body().getBytes(StandardCharsets.UTF_8));
            out.flush();
            return parse(socket.getInputStream());
        }
    }

    private static Answer parse(InputStream in) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        try {
            in.transferTo(all);
        } catch (IOException e) {
            // the server may reset the connection once it has answered
        }
        String text = all.toString(StandardCharsets.UTF_8);
        int end = text.indexOf("\r\n\r\n");
        if (end < 0) {
            return new Answer(0, "", text);
        }
        String[] lines = text.substring(0, end).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        String type = "";
        for (String line : lines) {
            if (line.toLowerCase().startsWith("content-type:")) {
                type = Answer.mediaTypeOf(line.substring(line.indexOf(':') + 1));
            }
        }
        return new Answer(status, type, text.substring(end + 4));
    }
}
