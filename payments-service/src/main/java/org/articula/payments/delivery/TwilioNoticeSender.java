package org.articula.payments.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Twilio's Messages API: a form POST to {@code /2010-04-01/Accounts/{sid}/Messages.json} with To, From and
 * Body, basic auth with the account sid and auth token; WhatsApp numbers are written {@code whatsapp:+51...}.
 * 201 is sent; 400 is refused for good (a number Twilio does not serve will not become one); anything else,
 * network failures, 429, 5xx and a wrong account or token (401, 403, 404), is tried again. Twilio documents no idempotency key for this endpoint, so the
 * notice id goes nowhere; see docs/decisions/0028-producer-notices.md for the one window that can repeat.
 */
public class TwilioNoticeSender implements NoticeSender {

    /** Where and as whom to send; {@code whatsappFrom} may be null (then WhatsApp notices go by SMS). */
    public record Config(URI baseUrl, String accountSid, String authToken, String smsFrom, String whatsappFrom) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Config config;
    private final HttpClient http;

    public TwilioNoticeSender(Config config) {
        this.config = config;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }

    @Override
    public SendResult send(OutgoingMessage message) {
        boolean whatsapp = "WHATSAPP".equals(message.channel()) && config.whatsappFrom() != null;
        Map<String, String> form = new LinkedHashMap<>();
        form.put("To", (whatsapp ? "whatsapp:" : "") + message.phone());
        form.put("From", whatsapp ? "whatsapp:" + config.whatsappFrom() : config.smsFrom());
        form.put("Body", message.body());
        String credentials = Base64.getEncoder().encodeToString(
                (config.accountSid() + ":" + config.authToken()).getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(
                config.baseUrl().resolve("/2010-04-01/Accounts/" + config.accountSid() + "/Messages.json"))
                .timeout(Duration.ofSeconds(15))
                .header("Authorization", "Basic " + credentials)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encode(form))).build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return result(response.statusCode(), response.body());
        } catch (IOException e) {
            return SendResult.tryAgain("Twilio no responde: " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return SendResult.tryAgain("interrumpido");
        }
    }

    static SendResult result(int status, String body) {
        JsonNode answer;
        try {
            answer = JSON.readTree(body == null || body.isBlank() ? "{}" : body);
        } catch (IOException e) {
            answer = JSON.createObjectNode();
        }
        if (status == 200 || status == 201) {
            return SendResult.sent(answer.path("sid").asText(null));
        }
        // Twilio's error code, never its message: that one may quote the number.
        String error = "Twilio " + status + (answer.hasNonNull("code") ? " código " + answer.get("code").asText() : "");
        // 400 is this message refused (e.g. a number Twilio cannot reach); 401, 403, 404 are our configuration,
        // which someone fixes: the notices wait for it rather than being given up.
        return status == 400 ? SendResult.refused(error) : SendResult.tryAgain(error);
    }

    private static String encode(Map<String, String> form) {
        return form.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }
}
