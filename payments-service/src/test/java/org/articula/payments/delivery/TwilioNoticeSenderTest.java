package org.articula.payments.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Twilio adapter against a local HTTP server standing in for api.twilio.com. */
class TwilioNoticeSenderTest {

    HttpServer server;
    final AtomicReference<String> path = new AtomicReference<>();
    final AtomicReference<String> auth = new AtomicReference<>();
    final AtomicReference<Map<String, String>> form = new AtomicReference<>();
    volatile int status = 201;
    volatile String answer = "{\"sid\":\"SM123\",\"status\":\"queued\"}";

    @BeforeEach
    void twilio() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            path.set(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath());
            auth.set(exchange.getRequestHeaders().getFirst("Authorization"));
            form.set(decode(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
            byte[] body = answer.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void anSmsIsAFormPostWithBasicAuthAndTheProvidersIdComesBack() {
        SendResult result = sender("+15005550006", null).send(message("SMS"));
        assertEquals(SendResult.sent("SM123"), result);
        assertEquals("POST /2010-04-01/Accounts/AC42/Messages.json", path.get());
        assertEquals("Basic " + Base64.getEncoder().encodeToString("AC42:secreto".getBytes(StandardCharsets.UTF_8)),
                auth.get());
        assertEquals(Map.of("To", "+51987654321", "From", "+15005550006", "Body", "Lote 02/10 06:30: 40 L ACEPTADO"),
                form.get());
    }

    @Test
    void whatsAppNumbersAreWrittenAsTwilioWantsThem() {
        sender("+15005550006", "+14155238886").send(message("WHATSAPP"));
        assertEquals("whatsapp:+51987654321", form.get().get("To"));
        assertEquals("whatsapp:+14155238886", form.get().get("From"));
    }

    @Test
    void aBusyOrBrokenProviderIsTriedAgainAndARefusalIsFinalWithoutTheNumberInTheError() {
        status = 503;
        answer = "";
        SendResult busy = sender("+15005550006", null).send(message("SMS"));
        assertFalse(busy.sent());
        assertFalse(busy.permanent());
        status = 400;
        answer = "{\"code\":21211,\"message\":\"The 'To' number +51987654321 is not a valid phone number.\"}";
        SendResult refused = sender("+15005550006", null).send(message("SMS"));
        assertTrue(refused.permanent());
        assertEquals("Twilio 400 código 21211", refused.error());
        status = 401;
        answer = "{\"code\":20003}";
        assertFalse(sender("+15005550006", null).send(message("SMS")).permanent(), "a wrong token is fixed, not final");
        server.stop(0);
        SendResult down = sender("+15005550006", null).send(message("SMS"));
        assertFalse(down.sent());
        assertFalse(down.permanent());
    }

    private TwilioNoticeSender sender(String from, String whatsappFrom) {
        return new TwilioNoticeSender(new TwilioNoticeSender.Config(
                URI.create("http://127.0.0.1:" + server.getAddress().getPort()), "AC42", "secreto", from,
                whatsappFrom));
    }

    private static OutgoingMessage message(String channel) {
        return new OutgoingMessage(UUID.randomUUID(), channel, "+51987654321", "Lote 02/10 06:30: 40 L ACEPTADO");
    }

    private static Map<String, String> decode(String body) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            String[] kv = pair.split("=", 2);
            values.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                    URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
        }
        return values;
    }
}
